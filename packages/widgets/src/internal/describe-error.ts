import type { FieldError } from '@oz/contracts';
import { ApiError, NetworkError } from '../api/errors.ts';
import type { Translation } from '../i18n/index.ts';

/** Words for a failed request, in the reader's language; never the server's English message. */
export function describeError(t: Translation, error: unknown): string {
  if (error instanceof NetworkError) return t.errors.network;
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited' && error.retryAfterSeconds) {
      return t.errors.rateLimitedFor(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
    }
    return t.errors[error.code] ?? t.errors.unknown;
  }
  return t.errors.unknown;
}

/** Words for one field's problem, from its stable code (and limit, for too_short / too_long). */
export function describeFieldError(t: Translation, error: FieldError): string {
  const text = t.fieldErrors[error.code];
  if (typeof text === 'function') return text(error.limit ?? 0);
  return text ?? error.message;
}
