import type { ConflictDetails, ConflictDetailsOf, ErrorCode, ErrorDetailsOf, FieldError } from '@oz/contracts';

/** No argument for a code without details, an optional one where they may be left out, else a required one. */
type DetailsArgs<C extends ErrorCode> = [ErrorDetailsOf<C>] extends [undefined]
  ? []
  : undefined extends ErrorDetailsOf<C>
    ? [details?: ErrorDetailsOf<C>]
    : [details: ErrorDetailsOf<C>];

/**
 * A rule of the service refused the request: a code of the contracts and the details that code
 * carries. No status and no headers: http/error-handler.ts turns it into the answer (ERROR_STATUS).
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'DomainError';
  readonly details: ErrorDetailsOf<C> | undefined;

  constructor(
    readonly code: C,
    message: string,
    ...[details]: DetailsArgs<C>
  ) {
    super(message);
    this.details = details;
  }
}

export const validationFailed = (fields: FieldError[], message = 'Some fields are not filled in correctly') =>
  new DomainError('validation_failed', message, { fields });

export const unauthenticated = (message = 'Sign in to continue') => new DomainError('unauthenticated', message);

export const forbidden = (message = 'You may not do this') => new DomainError('forbidden', message);

export const notFound = (what = 'The resource') => new DomainError('not_found', `${what} was not found`);

export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError('rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} s`, { retryAfterSeconds });

/** A 409 `conflict` always says which one, so the widgets branch on `details.reason`, never on the message. */
export const conflict = <R extends ConflictDetails['reason']>(reason: R, message: string, details?: Omit<ConflictDetailsOf<R>, 'reason'>) =>
  new DomainError('conflict', message, { ...details, reason } as ConflictDetails);
