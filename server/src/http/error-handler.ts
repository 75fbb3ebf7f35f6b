import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, codeOfStatus, type ErrorBody } from '@oz/contracts';
import type { AppEnv } from './env.ts';
import { DomainError, conflict, validationFailed } from '../services/domain-error.ts';
import { DuplicateKeyError, InvalidCursorError, StoreUnavailableError } from '../ports/store.ts';
import { FileNotFoundError, FileStoreUnavailableError } from '../ports/file-store.ts';

/** Seconds a client waits before trying again when the database is away (a restart or a fail-over). */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** Hono's own refusals (body parsing, body limit) carry plain text; these say what to do instead. */
const PLAIN_MESSAGES: Partial<Record<number, string>> = {
  400: 'The request body is not valid JSON',
  413: 'The request is too large',
  415: 'Send the body as JSON (Content-Type: application/json)',
};

interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: ErrorBody;
}

const answer = (error: DomainError, status: ContentfulStatusCode = ERROR_STATUS[error.code]): ErrorAnswer => ({
  status,
  body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details as ErrorBody['error']['details'] } : {}) } },
});

/** Every failure as its code's one status (ERROR_STATUS); what no service foresaw, as the nearest domain error. */
function toAnswer(error: unknown): ErrorAnswer {
  if (error instanceof DomainError) return answer(error);
  if (error instanceof InvalidCursorError) return answer(validationFailed([{ field: 'cursor', code: 'invalid', message: error.message }]));
  // The store's own unique rules, when a service did not foresee the case: a conflict, never a 500.
  if (error instanceof DuplicateKeyError) return answer(conflict('concurrent_change', 'This conflicts with data saved at the same moment; reload and try again'));
  if (error instanceof FileNotFoundError) return answer(new DomainError('not_found', 'The file of this document is missing from the storage'));
  if (error instanceof StoreUnavailableError || error instanceof FileStoreUnavailableError) {
    const message = 'The service is briefly unavailable; please try again in a few seconds';
    return answer(new DomainError('unavailable', message, { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS }));
  }
  if (error instanceof HTTPException) {
    // Keeps Hono's status (405, …) even where no code of ours has it.
    const status = error.status as ContentfulStatusCode;
    const code = codeOfStatus(status);
    return { status, body: { error: { code, message: PLAIN_MESSAGES[status] ?? error.message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side; please try again later' } } };
}

/** Clients wait this long before retrying a 429 or a 503: the same number as `details.retryAfterSeconds`. */
function setRetryAfter(c: Context<AppEnv>, { status, body }: ErrorAnswer): void {
  const seconds = body.error.details?.retryAfterSeconds;
  if ((status === 429 || status === 503) && seconds !== undefined) c.header('Retry-After', String(seconds));
}

/** The one place where every failure becomes `{error:{code,message,details}}`. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const result = toAnswer(error);
  if (result.status >= 500) {
    // The stack, not the request: bodies may hold personal data. A known failure (the video
    // server is down) needs no stack, only its message.
    const known = result.body.error.code !== 'internal';
    const cause = (error as Error).cause instanceof Error ? `: ${((error as Error).cause as Error).message}` : '';
    console.error(JSON.stringify({ at: new Date().toISOString(), requestId: c.var.requestId, error: known ? `${(error as Error).message}${cause}` : String(error), ...(known ? {} : { stack: (error as Error).stack }) }));
  }
  setRetryAfter(c, result);
  return c.json(result.body, result.status);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) => {
  const { status, body } = answer(new DomainError('not_found', `No such address: ${c.req.method} ${c.req.path}`));
  return c.json(body, status);
};
