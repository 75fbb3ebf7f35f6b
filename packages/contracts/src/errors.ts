import { z } from 'zod';

/** Stable machine-readable error codes; clients branch on these, never on messages. */
export const ErrorCode = z.enum([
  'malformed_request', // body is not valid JSON / not the declared content type
  'validation_failed', // well-formed but fails the schema; details.fields names each field
  'unauthenticated', // no, unknown, expired or revoked token
  'invalid_credentials', // wrong phone or password at sign-in
  'forbidden', // signed in, but this role or user may not do this
  'password_change_required', // one-time password still in use
  'not_found',
  'conflict',
  'phone_taken',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'program_closed', // outside OZ_PROGRAM_START..OZ_PROGRAM_END
  'slot_taken', // the duty slot was booked by someone else, or has started
  'booking_limit', // the patient holds the most future duty bookings allowed
  'one_time_password_expired', // the SMS password of an imported patient is past its expiry
  'file_unreadable', // an upload that is not the spreadsheet it claims to be, or lacks required columns
  'room_closed', // the video room is not open now (details.opensAt, details.closesAt)
  'video_unavailable', // the video server (OpenVidu) did not answer or refused us
  'sms_unavailable', // the SMS gateway did not take the message; nothing was changed
  'password_already_set', // the patient has chosen their own password; no new one-time password is sent
  'unavailable', // the database or file storage cannot be reached right now; try again shortly (Retry-After)
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Codes of a single field's problem; the widgets translate them, the API also sends an English message. */
export const FieldErrorCode = z.enum([
  'required',
  'too_short',
  'too_long',
  'invalid',
  'phone_invalid',
  'email_invalid',
  'date_invalid',
  'birth_date_out_of_range',
  'consent_required',
  'password_mismatch',
  'password_same',
  'taken',
  'date_in_past',
  'documents_missing', // required documents of the center are not attached
]);
export type FieldErrorCode = z.infer<typeof FieldErrorCode>;

export const FieldError = z
  .object({
    field: z.string().meta({ description: 'Dotted path of the field, e.g. `phone` or `documentIds.0`' }),
    code: FieldErrorCode,
    message: z.string(),
    limit: z.number().optional().meta({ description: 'The minimum or maximum, for too_short / too_long' }),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldError>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      details: z
        .object({
          fields: z.array(FieldError).optional(),
          retryAfterSeconds: z.number().int().optional(),
        })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
