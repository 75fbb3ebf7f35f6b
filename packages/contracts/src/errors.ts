import { z } from 'zod';
import { CONFLICT_REASONS, ERROR_CODES } from './error-catalog.ts';

/**
 * Stable machine-readable error codes; clients branch on these, never on messages. Each code, its
 * meaning and its one HTTP status are in ERROR_STATUS (error-catalog.ts).
 */
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Which conflict a 409 `conflict` is (CONFLICT_REASONS says when each is sent). */
export const ConflictReason = z.enum(CONFLICT_REASONS).meta({ id: 'ConflictReason', description: 'Which conflict a 409 `conflict` is' });
export type ConflictReason = z.infer<typeof ConflictReason>;

/** Why a ZIP of DICOM files was refused (413 payload_too_large or 415 unsupported_media_type). */
export const ZipProblemReason = z.enum(['zip_unreadable', 'zip_encrypted', 'zip_not_dicom', 'zip_empty', 'zip_too_many_files', 'zip_too_large']);
export type ZipProblemReason = z.infer<typeof ZipProblemReason>;

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
  'code_wrong', // the SMS code does not match (tries are left)
  'code_expired', // no live SMS code for this phone: never asked for, past its 10 minutes, or already used
  'code_used_up', // the SMS code was tried 5 times wrong; ask for a new one
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

/** The error answer; `details` per code is described in error-details.ts (more keys may be added, never removed). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      details: z
        .object({
          fields: z.array(FieldError).optional(),
          retryAfterSeconds: z.number().int().optional(),
          reason: z.union([ConflictReason, ZipProblemReason]).optional().meta({
            description: 'For 409 `conflict`: which conflict (always present); for a refused ZIP (413, 415): which problem',
          }),
        })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
