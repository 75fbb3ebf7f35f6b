import type { MAX_REFERRAL_ROWS } from '@oz/contracts';

/**
 * Limits of the referral import that the element words for the manager. A copy of the contract's
 * value: importing the value would pull zod into the bundle; the type ties the copy to it, so a
 * change there fails to compile (and oz-referral-import.test.ts compares them too).
 */

/** The API refuses a table with more data rows than this. */
export const MAX_ROWS: typeof MAX_REFERRAL_ROWS = 5000;

/**
 * How many rows of each list the preview draws. A table may hold thousands; past this many the
 * page only grows slow, and the error report holds the full list.
 */
export const SHOWN_ROWS = 100;
