import { z } from 'zod';
import type { ErrorCode } from './error-catalog.ts';
import { FieldError } from './errors.ts';
import { DocumentKind } from './centers.ts';

/** `details` of the codes that carry them; a code not named here sends none. */

const conflictOf = <R extends string>(reason: R) => z.object({ reason: z.literal(reason) });

/** 409 `conflict`: always a `reason`, and for some reasons the record in the way. */
export const ConflictDetails = z.discriminatedUnion('reason', [
  conflictOf('already_reviewed'),
  conflictOf('doctor_busy').extend({
    consultationId: z.string().optional().meta({ description: 'The doctor\'s consultation at that time' }),
    slotId: z.string().optional().meta({ description: 'The doctor\'s own duty slot at that time' }),
  }),
  conflictOf('application_waiting').extend({
    applicationId: z.string().optional().meta({ description: 'The application already waiting at that center' }),
  }),
  conflictOf('not_cancellable'),
  conflictOf('consultation_cancelled'),
  conflictOf('conclusion_written'),
  conflictOf('slot_booked'),
  conflictOf('document_in_use'),
  conflictOf('concurrent_change'),
  conflictOf('own_account'),
]);
export type ConflictDetails = z.infer<typeof ConflictDetails>;

/** The details a conflict of this reason carries. */
export type ConflictDetailsOf<R extends ConflictDetails['reason']> = Extract<ConflictDetails, { reason: R }>;

/** 422 `validation_failed`: each field's problem; missing required documents by kind. */
export const ValidationFailedDetails = z.object({
  fields: z.array(FieldError),
  missingKinds: z.array(DocumentKind).optional(),
});

/** 409 `phone_taken`: the phone field, so a form shows it there. */
export const PhoneTakenDetails = z.object({ fields: z.array(FieldError) });

/** 409 `room_closed`: when the video room opens and closes. */
export const RoomClosedDetails = z.object({ opensAt: z.string(), closesAt: z.string() });

/** 409 `program_closed`: the deployment's program period (null where it is open-ended). */
export const ProgramClosedDetails = z.object({ start: z.string().nullable().optional(), end: z.string().nullable().optional() });

/** 409 `booking_limit`: how many future duty bookings one patient may hold. */
export const BookingLimitDetails = z.object({ limit: z.number().int() });

/** 429 `rate_limited`, and 503 `unavailable`: how long to wait (also the Retry-After header). */
export const RetryAfterDetails = z.object({ retryAfterSeconds: z.number().int() });

/** 413 `payload_too_large`: over the upload limit, or a ZIP too big to unpack; none for too many table rows. */
export const PayloadTooLargeDetails = z.union([
  z.object({ maxBytes: z.number().int() }),
  z.object({ reason: z.enum(['zip_too_many_files', 'zip_too_large']), limit: z.number().int() }),
]);

/** 415 `unsupported_media_type`: what the file is, or why its ZIP is refused (`entry` names the file). */
export const UnsupportedMediaTypeDetails = z.union([
  z.object({ detected: z.string().nullable(), accepted: z.array(z.string()) }),
  z.object({ reason: z.enum(['zip_encrypted', 'zip_not_dicom']), entry: z.string() }),
  z.object({ reason: z.enum(['zip_empty', 'zip_unreadable']) }),
]);

/** 422 `file_unreadable`: for a table lacking columns, which are missing; none when the file is not a table. */
export const FileUnreadableDetails = z.object({ missingColumns: z.array(z.string()), expectedColumns: z.array(z.string()) });

/** The details schema of each code that has them; `.optional()` where the code is also sent without. */
export const ERROR_DETAILS = {
  validation_failed: ValidationFailedDetails,
  phone_taken: PhoneTakenDetails,
  conflict: ConflictDetails,
  room_closed: RoomClosedDetails,
  program_closed: ProgramClosedDetails,
  booking_limit: BookingLimitDetails,
  rate_limited: RetryAfterDetails,
  unavailable: RetryAfterDetails.optional(),
  payload_too_large: PayloadTooLargeDetails.optional(),
  unsupported_media_type: UnsupportedMediaTypeDetails,
  file_unreadable: FileUnreadableDetails.optional(),
} as const satisfies Partial<Record<ErrorCode, z.ZodType>>;

/** The `details` type of a code: `undefined` for codes that carry none. */
export type ErrorDetailsOf<C extends ErrorCode> = C extends keyof typeof ERROR_DETAILS ? z.infer<(typeof ERROR_DETAILS)[C]> : undefined;
