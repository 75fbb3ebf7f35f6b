import { ApiError } from '../../api/errors.ts';
import type { ApiClient } from '../../api/client.ts';
import { describeError } from '../../internal/describe-error.ts';
import type { Translation } from '../../i18n/index.ts';

/** Why the API answered 409 here, in words more precise than the generic "conflict". */
export type DeskConflict = 'busy' | 'busyOnDuty' | 'alreadyReviewed' | 'notCancellable' | 'conclusionExists' | 'consultationCancelled';

/** A 409 explained: the desk says which of the possible conflicts happened. */
export class DeskProblem extends Error {
  override readonly name = 'DeskProblem';
  constructor(
    readonly conflict: DeskConflict,
    options?: { cause?: unknown },
  ) {
    super(conflict, options);
  }
}

export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409;
}

/** Awaits a desk action; a 409 is replaced by what `explain` makes of it, other failures stay. */
export async function explainingConflict<T>(action: Promise<T>, explain: (error: ApiError) => Error | Promise<Error>): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (isConflict(error)) throw await explain(error);
    throw error;
  }
}

/** Words for a failed desk action: an explained conflict, else the shared error texts. */
export function describeDeskError(t: Translation, error: unknown): string {
  if (error instanceof DeskProblem) return t.doctorDesk[error.conflict];
  return describeError(t, error);
}

/**
 * A 409 on scheduling: the API names why in `details.reason` (the doctor is busy then, by a
 * consultation or by their own open duty time, or the application was reviewed meanwhile).
 * Any other 409 (e.g. program_closed) keeps its own words.
 */
export function explainScheduleConflict(error: ApiError): Error {
  const reason = error.details['reason'];
  if (reason === 'already_reviewed') return new DeskProblem('alreadyReviewed', { cause: error });
  if (reason === 'doctor_busy') return new DeskProblem(error.details['slotId'] ? 'busyOnDuty' : 'busy', { cause: error });
  return error;
}

/** A 409 on a conclusion: the consultation was cancelled, or its conclusion is already written. */
export async function explainConclusionConflict(
  client: ApiClient,
  consultationId: string,
  error: ApiError,
  signal: AbortSignal,
): Promise<Error> {
  try {
    const current = await client.consultation(consultationId, signal);
    return new DeskProblem(current.status === 'cancelled' ? 'consultationCancelled' : 'conclusionExists', { cause: error });
  } catch {
    return error;
  }
}
