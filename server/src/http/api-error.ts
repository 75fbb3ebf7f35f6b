import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldError } from '@oz/contracts';

type Details = NonNullable<ErrorBody['error']['details']>;

/** An error that reaches the client as `{error:{code,message,details}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Details,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const validationFailed = (fields: FieldError[]) =>
  new ApiError(422, 'validation_failed', 'Some fields are not filled in correctly', { fields });

export const unauthenticated = (message = 'Sign in to continue') => new ApiError(401, 'unauthenticated', message);

export const forbidden = (message = 'You may not do this') => new ApiError(403, 'forbidden', message);

export const notFound = (what = 'The resource') => new ApiError(404, 'not_found', `${what} was not found`);

export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'rate_limited',
    `Too many attempts. Try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
