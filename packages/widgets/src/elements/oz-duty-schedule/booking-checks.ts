/**
 * The contract of a booking, for the topic's limit and the pre-check. Only ever imported lazily
 * (see load-booking-checks.ts): zod and the schemas weigh more than the rest of the bundle.
 */
import { BookDutySlotRequest, TOPIC_MAX, fieldErrorsFromIssues, type FieldError } from '@oz/contracts';

export { TOPIC_MAX };

/** The same field errors, with the same codes, the API would answer for this booking. */
export function checkBooking(input: unknown): FieldError[] {
  const result = BookDutySlotRequest.safeParse(input);
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
