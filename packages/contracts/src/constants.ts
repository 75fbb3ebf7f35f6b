/**
 * Plain values of the contracts, with no zod: the widgets import them from
 * `@oz/contracts/constants` without pulling every schema into the browser bundle.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Bumped whenever the 152-FZ consent text changes; stored with each consent. */
export const CONSENT_VERSION = '2026-12-05';

export const DIAGNOSIS_MAX = 500;

/**
 * How many days a center's doctor takes to review an application with its documents (DESIGN.md §2):
 * one promise, worded the same after applying and on every waiting application, referrals included.
 */
export const REVIEW_DAYS = { min: 1, max: 3 } as const;
export const COMPLAINTS_MAX = 2000;

export const MAX_SLOTS_PER_PUBLISH = 48;
export const TOPIC_MAX = 500;
export const MESSAGE_MAX = 2000;

/** The room opens 15 minutes before the start and closes 60 minutes after the planned end (DESIGN.md §6). */
export const ROOM_OPENS_MINUTES_BEFORE = 15;
export const ROOM_CLOSES_MINUTES_AFTER = 60;

/** The seed's technical requirements, for the connection test. */
export const VIDEO_MIN_KBPS = 2000;
export const AUDIO_MIN_KBPS = 512;

/** WebSocket close codes of the signaling room. */
export const SignalClose = {
  replaced: 4001, // the same participant joined again (another tab, or a reconnect)
  roomFull: 4009, // two participants are in already
  ended: 4100, // the doctor ended the consultation
  unauthorized: 4401, // unknown or used ticket
} as const;

/** Column headers of the referral table as regional offices write them (row 1 of the file). */
export const REFERRAL_COLUMNS = {
  fullName: 'ФИО',
  birthDate: 'Дата рождения',
  phone: 'Телефон',
  diagnosis: 'Диагноз',
  center: 'Центр',
  referringDoctor: 'Направивший врач',
  organization: 'Медицинская организация',
} as const;
export type ReferralColumn = keyof typeof REFERRAL_COLUMNS;

export const REQUIRED_REFERRAL_COLUMNS: readonly ReferralColumn[] = ['fullName', 'birthDate', 'phone', 'diagnosis', 'center'];
export const MAX_REFERRAL_ROWS = 5000;

/** Page sizes of the lists that grow with the program: the default when `limit` is absent, and the most one page holds. */
export const PAGE_LIMITS = {
  applications: { default: 50, max: 200 },
  consultations: { default: 100, max: 200 },
  notifications: { default: 50, max: 200 },
  dutySlots: { default: 200, max: 500 },
  messages: { default: 100, max: 200 },
  audit: { default: 100, max: 500 },
} as const;

export type PagedListName = keyof typeof PAGE_LIMITS;

/** A consultation or a duty slot lasts from this many minutes to that many. */
export const DURATION_MINUTES = { min: 10, max: 120 } as const;
