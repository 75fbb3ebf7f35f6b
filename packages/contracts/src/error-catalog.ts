/**
 * Every error code of the API with its one HTTP status, and the reasons a 409 `conflict` names.
 * The server maps codes to statuses with this table and the widgets read it back; it is zod-free so
 * the browser imports it from `@oz/contracts/error-catalog` without pulling the schemas in.
 */

/** The statuses our errors are sent with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/** Stable machine-readable error codes (the keys) and the status each is always sent with. */
export const ERROR_STATUS = {
  malformed_request: 400, // body is not valid JSON / not the declared content type
  validation_failed: 422, // well-formed but fails the schema; details.fields names each field
  unauthenticated: 401, // no, unknown, expired or revoked token
  invalid_credentials: 401, // wrong phone or password at sign-in
  forbidden: 403, // signed in, but this role or user may not do this
  password_change_required: 403, // one-time password still in use
  not_found: 404,
  conflict: 409, // details.reason says which conflict (CONFLICT_REASONS)
  phone_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  program_closed: 409, // outside OZ_PROGRAM_START..OZ_PROGRAM_END
  slot_taken: 409, // the duty slot was booked by someone else, or has started
  booking_limit: 409, // the patient holds the most future duty bookings allowed
  one_time_password_expired: 401, // the SMS password of an imported patient is past its expiry
  file_unreadable: 422, // an upload that is not the spreadsheet it claims to be, or lacks required columns
  room_closed: 409, // the video room is not open now (details.opensAt, details.closesAt)
  call_ended: 409, // the doctor ended the call; the patient may join again only after the doctor rejoins
  video_unavailable: 502, // the video server (OpenVidu) did not answer or refused us
  sms_unavailable: 502, // the SMS gateway did not take the message; nothing was changed
  password_already_set: 409, // the patient has chosen their own password; no new one-time password is sent
  account_disabled: 403, // a staff account the manager disabled (said only to whoever knows its password)
  unavailable: 503, // the database or file storage cannot be reached right now; try again shortly (Retry-After)
  internal: 500,
} as const satisfies Record<string, ErrorStatus>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The codes in the table's order (the order the OpenAPI document lists them in). */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** Which conflict a 409 `conflict` is, in `details.reason`: clients branch on these, never on messages. */
export const CONFLICT_REASONS = [
  'already_reviewed', // schedule, decline or withdraw of an application no longer waiting for review
  'doctor_busy', // the doctor has a consultation (details.consultationId) or own duty slot (details.slotId) then
  'application_waiting', // the patient already has an application to that center waiting (details.applicationId)
  'not_cancellable', // cancel of a consultation that is not scheduled
  'consultation_cancelled', // a conclusion or chat message on a cancelled consultation
  'conclusion_written', // the consultation's conclusion exists already
  'slot_booked', // deleting a duty slot a patient has booked
  'document_in_use', // deleting a document attached to an open application
  'concurrent_change', // another request changed the same data at the same moment; reload and try again
  'own_account', // a manager disabling their own account
] as const;

export type ConflictReason = (typeof CONFLICT_REASONS)[number];

type CodeWithStatus<S extends ErrorStatus> = { [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends S ? C : never }[ErrorCode];

/**
 * The generic code of each status, for an answer without our JSON body (a proxy's HTML page); the
 * compiler checks each against ERROR_STATUS. A gateway's own 502 means our API is away: as 503.
 */
const GENERIC_CODE: { [S in Exclude<ErrorStatus, 502>]: CodeWithStatus<S> } & { 502: 'unavailable' } = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
};

/** The code an answer of this status stands for when it carries no body of ours; `internal` for any other status. */
export function codeOfStatus(status: number): ErrorCode {
  return (GENERIC_CODE as Partial<Record<number, ErrorCode>>)[status] ?? 'internal';
}
