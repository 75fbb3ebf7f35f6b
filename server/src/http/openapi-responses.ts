import { ErrorBody, type ConflictReason } from '@oz/contracts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });

/** Any write may meet another at the same moment: the store's own rule then answers this reason. */
const CONCURRENT = '`concurrent_change` (another request changed the same data at that moment; reload and try again)';

/** Error responses documented on routes, so the OpenAPI document tells integrators what to expect. */
export const errorResponses = {
  400: error('Malformed request body'),
  401: error('Not signed in, or the session ended'),
  403: error('Not allowed for this user, or a password change is required first'),
  404: error('Not found'),
  409: error('Conflict with existing data; a `conflict` says which in `details.reason` (ConflictReason)'),
  413: error('Request body too large'),
  422: error('Validation failed; `details.fields` names each field'),
  429: error('Too many attempts; see the Retry-After header'),
  502: error('An upstream service (video server, SMS gateway) failed'),
} as const;

/** What each conflict reason means, as the route documents it (CONFLICT_REASONS in the contracts). */
const CONFLICT_MEANING: Record<ConflictReason, string> = {
  already_reviewed: 'the application is no longer waiting for review',
  doctor_busy: 'the doctor has a consultation (`details.consultationId`) or own duty slot (`details.slotId`) at that time',
  application_waiting: 'an application to this center is already waiting (`details.applicationId`)',
  not_cancellable: 'only a scheduled consultation can be cancelled',
  consultation_cancelled: 'the consultation was cancelled',
  conclusion_written: 'the conclusion has already been written',
  slot_booked: 'the slot is booked; cancel the consultation instead',
  document_in_use: 'the document is attached to an open application',
  concurrent_change: 'another request changed the same data at that moment',
  own_account: 'a manager cannot disable their own account',
};

/** A route's 409: `conflict` with the reasons this route sends in `details.reason`, then its other 409 codes. */
export function conflictResponse(reasons: readonly ConflictReason[], otherCodes?: string) {
  const listed = reasons.map((reason) => `\`${reason}\` (${CONFLICT_MEANING[reason]})`).join(', ');
  const conflicts = `\`conflict\` with \`details.reason\` ${listed}${reasons.length ? ', or ' : ''}${CONCURRENT}`;
  return error(otherCodes ? `${conflicts}. ${otherCodes}` : conflicts);
}

export const bearerSecurity = [{ bearer: [] as string[] }];
