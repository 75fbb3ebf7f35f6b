/**
 * The contract of a booking, for the pre-check. Only ever imported lazily (see
 * load-booking-checks.ts): zod and the schemas weigh more than the rest of the bundle. The topic's
 * limit is not here: it comes from '@oz/contracts/constants', so it never waits for this chunk.
 */
import { BookDutySlotRequest, fieldErrorsFromIssues, type FieldError } from '@oz/contracts';

/** The same field errors, with the same codes, the API would answer for this booking. */
export function checkBooking(input: unknown): FieldError[] {
  const result = BookDutySlotRequest.safeParse(input);
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
