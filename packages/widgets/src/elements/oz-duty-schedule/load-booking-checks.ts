export type BookingChecks = typeof import('./booking-checks.ts');

let loading: Promise<BookingChecks> | undefined;

/**
 * Loads the booking contract in its own chunk, once per page, as soon as the element appears.
 * Resolves undefined when the chunk cannot be loaded: the booking then goes unchecked and the API
 * answers with the very same field errors. A failed load is forgotten so the next call retries.
 */
export async function loadBookingChecks(): Promise<BookingChecks | undefined> {
  loading ??= import('./booking-checks.ts');
  try {
    return await loading;
  } catch {
    loading = undefined;
    return undefined;
  }
}
