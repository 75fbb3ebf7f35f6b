import type { ErrorBody, ErrorCode } from '@oz/contracts';
import { ApiError } from './errors.ts';

/** Statuses a proxy or an old server may answer without our JSON body. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** Turns a non-2xx response into an ApiError, tolerating bodies that are not ours (HTML from a proxy). */
export async function readApiError(response: Response): Promise<ApiError> {
  const retryAfterHeader = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : undefined;
  const body = await response.json().catch(() => undefined);
  if (isErrorBody(body)) return new ApiError(response.status, body.error, retryAfter);
  const code = CODE_BY_STATUS[response.status] ?? 'internal';
  return new ApiError(response.status, { code, message: response.statusText || code }, retryAfter);
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}
