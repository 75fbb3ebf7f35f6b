import type { FieldError } from '@oz/contracts';
import { ApiError } from '../../api/errors.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import type { Translation } from '../../i18n/index.ts';

/** The phone itself is wrong (empty, or not a Russian mobile number): said next to the field. */
export function phoneProblemOf(error: unknown): FieldError | undefined {
  return error instanceof ApiError ? error.fields.find((field) => field.field === 'phone') : undefined;
}

/**
 * Words for a refused new password: no such patient, the SMS a minute ago, not the manager, or
 * the phone's own problem. Others (own password set, SMS gateway down, network) as everywhere.
 */
export function describeResendProblem(t: Translation, error: unknown): string {
  const r = t.referralImport;
  const phoneProblem = phoneProblemOf(error);
  if (phoneProblem) return describeFieldError(t, phoneProblem);
  if (error instanceof ApiError) {
    if (error.code === 'not_found') return r.noSuchPatient;
    if (error.code === 'forbidden') return r.managersOnly;
    if (error.code === 'rate_limited') return r.resendTooSoon(Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)));
  }
  return describeError(t, error);
}
