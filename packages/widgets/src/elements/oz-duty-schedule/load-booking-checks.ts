import { lazyChunk } from '../../internal/lazy-chunk.ts';

export type BookingChecks = typeof import('./booking-checks.ts');

/**
 * The booking contract in its own chunk, loaded once per page as soon as the element appears.
 * `load` is replaceable so a test can make the chunk stall or fail (the form must work without it).
 */
export const bookingChecks = {
  load: lazyChunk((): Promise<BookingChecks> => import('./booking-checks.ts')),
};
