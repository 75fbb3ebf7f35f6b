/**
 * The contract of a booking, for the pre-check. Only ever imported lazily (see
 * load-booking-checks.ts): zod/mini and the schemas stay out of the first load. The topic's
 * limit is not here: it comes from '@oz/contracts/constants', so it never waits for this chunk.
 */
import { BookDutySlotRequest, fieldErrorsFromIssues, type FieldError } from '@oz/contracts/forms';

/** The same field errors, with the same codes, the API would answer for this booking. */
export function checkBooking(input: unknown): FieldError[] {
  const result = BookDutySlotRequest.safeParse(input);
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
