import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '@oz/contracts';
import type { AppEnv } from './env.ts';
import { ApiError, validationFailed } from './api-error.ts';
import { DuplicateKeyError, InvalidCursorError, StoreUnavailableError } from '../ports/store.ts';
import { FileNotFoundError, FileStoreUnavailableError } from '../ports/file-store.ts';

/** Seconds a client waits before trying again when the database is away (a restart or a fail-over). */
const UNAVAILABLE_RETRY_SECONDS = 5;

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const PLAIN_MESSAGES: Partial<Record<number, string>> = {
  400: 'The request body is not valid JSON',
  413: 'The request is too large',
  415: 'Send the body as JSON (Content-Type: application/json)',
};

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidCursorError) return validationFailed([{ field: 'cursor', code: 'invalid', message: error.message }]);
  // The store's own unique rules, when a service did not foresee the case: a conflict, never a 500.
  if (error instanceof DuplicateKeyError) return new ApiError(409, 'conflict', 'This conflicts with data saved at the same moment; reload and try again');
  if (error instanceof FileNotFoundError) return new ApiError(404, 'not_found', 'The file of this document is missing from the storage');
  if (error instanceof StoreUnavailableError || error instanceof FileStoreUnavailableError) {
    return new ApiError(503, 'unavailable', 'The service is briefly unavailable; please try again in a few seconds', undefined, {
      'Retry-After': String(UNAVAILABLE_RETRY_SECONDS),
    });
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = CODE_OF_STATUS[status] ?? 'internal';
    const message = PLAIN_MESSAGES[status] ?? error.message;
    return new ApiError(status, code, message);
  }
  return new ApiError(500, 'internal', 'Something went wrong on our side; please try again later');
}

/** The one place where every failure becomes `{error:{code,message,details}}`. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const apiError = toApiError(error);
  if (apiError.status >= 500) {
    // The stack, not the request: bodies may hold personal data. A known failure (the video
    // server is down) needs no stack, only its message.
    const known = apiError.code !== 'internal';
    const cause = (error as Error).cause instanceof Error ? `: ${((error as Error).cause as Error).message}` : '';
    console.error(JSON.stringify({ at: new Date().toISOString(), requestId: c.var.requestId, error: known ? `${(error as Error).message}${cause}` : String(error), ...(known ? {} : { stack: (error as Error).stack }) }));
  }
  for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
  return c.json(apiError.toBody(), apiError.status);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(new ApiError(404, 'not_found', `No such address: ${c.req.method} ${c.req.path}`).toBody(), 404);
