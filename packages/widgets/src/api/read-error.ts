import type { ErrorBody } from '@oz/contracts';
// The zod-free entry: the server's own code ↔ status table, without the schemas in the bundle.
import { codeOfStatus } from '@oz/contracts/error-catalog';
import { ApiError } from './errors.ts';

/** Turns a non-2xx response into an ApiError, tolerating bodies that are not ours (HTML from a proxy). */
export async function readApiError(response: Response): Promise<ApiError> {
  const retryAfterHeader = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : undefined;
  const body = await response.json().catch(() => undefined);
  if (isErrorBody(body)) return new ApiError(response.status, body.error, retryAfter);
  // A proxy or an old server may answer without our JSON body: its status stands for the code.
  const code = codeOfStatus(response.status);
  return new ApiError(response.status, { code, message: response.statusText || code }, retryAfter);
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}
