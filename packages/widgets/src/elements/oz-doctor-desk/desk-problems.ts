import type { ConflictReason } from '@oz/contracts/error-catalog';
import { ApiError } from '../../api/errors.ts';
import type { FormState } from '../../controllers/form-submit.ts';
import type { LoadWords } from '../../controllers/load.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';

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

/** Which conflict a 409 `conflict` is (`details.reason`, always sent); undefined for any other error. */
export function conflictReason(error: unknown): ConflictReason | undefined {
  return error instanceof ApiError ? error.reason : undefined;
}

/** The desk's words for the conflicts its actions can meet; doctor_busy depends on what is in the way. */
const DESK_CONFLICTS: Partial<Record<ConflictReason, DeskConflict>> = {
  already_reviewed: 'alreadyReviewed',
  not_cancellable: 'notCancellable',
  consultation_cancelled: 'consultationCancelled',
  conclusion_written: 'conclusionExists',
};

/**
 * A 409 `conflict` of a desk action, by the reason the API names: the doctor is busy then (by a
 * consultation, or by their own open duty time: `slotId`), the application was reviewed meanwhile,
 * the consultation can no longer be cancelled, was cancelled, or has its conclusion already. Any
 * other error (program_closed, concurrent_change, a network failure) keeps its own words.
 */
export function explainConflict(error: unknown): unknown {
  const reason = conflictReason(error);
  if (reason === 'doctor_busy') {
    return new DeskProblem((error as ApiError).details['slotId'] ? 'busyOnDuty' : 'busy', { cause: error });
  }
  const conflict = reason && DESK_CONFLICTS[reason];
  return conflict ? new DeskProblem(conflict, { cause: error }) : error;
}

/** The scheduling form's 409s (already_reviewed, doctor_busy) are explained like any desk action's. */
export const explainScheduleConflict = explainConflict;

/** Awaits a desk action; a conflict is replaced by its explanation, other failures stay. */
export async function explainingConflict<T>(action: Promise<T>): Promise<T> {
  try {
    return await action;
  } catch (error) {
    throw explainConflict(error);
  }
}

/** Words for a failed desk action: an explained conflict, else the shared error texts. */
export function describeDeskError(t: Translation, error: unknown): string {
  if (error instanceof DeskProblem) return t.doctorDesk[error.conflict];
  return describeError(t, error);
}

/** How the desk's loads speak (see LoadController): loading, retry and the failure in desk words. */
export function loadWords(t: Translation): LoadWords {
  return { loading: t.doctorDesk.loading, retry: t.doctorDesk.retry, describe: (error) => describeDeskError(t, error) };
}

/** A field's problem in words. */
export function fieldText(t: Translation, form: FormState, field: string): string | undefined {
  const error = form.errorFor(field);
  if (!error) return undefined;
  // The date and the time are two inputs for one value: "fill in this field" would not say which.
  if (field === 'startsAt' && error.code === 'required') return t.doctorDesk.whenRequired;
  return describeFieldError(t, error);
}

/** A whole form's problem in words. */
export function formText(t: Translation, form: FormState): string | undefined {
  return form.formError === undefined ? undefined : describeDeskError(t, form.formError);
}
