import { checksChunk } from '../../internal/lazy-chunk.ts';

export type BookingChecks = typeof import('./booking-checks.ts');

/**
 * The booking contract in its own chunk, loaded once per page as soon as the element appears.
 * Undefined when it cannot be loaded (see checksChunk).
 */
export const loadBookingChecks = checksChunk((): Promise<BookingChecks> => import('./booking-checks.ts'));
