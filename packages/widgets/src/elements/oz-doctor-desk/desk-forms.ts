import type { Application, Conclusion, ConclusionOutcome, Consultation, FieldError } from '@oz/contracts';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import type { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { lazyChunk } from '../../internal/lazy-chunk.ts';
import { explainingConflict } from './desk-problems.ts';
import { localToIsoWithOffset } from './desk-time.ts';

/** The four forms of <oz-doctor-desk>: what each sends, how it is pre-checked, what a 409 means. */

export type DeskChecks = typeof import('./desk-checks.ts');

/** The desk's schemas in a chunk of their own, one download per page (see LazyChecksController). */
export const deskChecks = lazyChunk((): Promise<DeskChecks> => import('./desk-checks.ts'));

export interface ScheduleInput {
  applicationId: string;
  /** ISO with offset; empty when the date or the time is missing. */
  startsAt: string;
  durationMinutes: number;
}

export interface DeclineInput {
  applicationId: string;
  reason: string;
}

export interface ConclusionInput {
  consultationId: string;
  text: string;
  recommendations: string;
  outcome: ConclusionOutcome;
}

export interface CancelInput {
  consultationId: string;
  reason: string;
}

/** What every desk form needs: the section's host and pre-checks, and the desk's API. */
export interface DeskFormDeps {
  host: ReactiveElement;
  /** Read at submit time: the element's API origin may change after it was created. */
  client: () => ApiClient;
  checks: LazyChecksController<DeskChecks>;
}

/** What a desk form does once the API accepted it. */
export type OnSent<Result, Input> = (result: Result, input: Input) => void | Promise<void>;

export function scheduleForm({ host, client, checks }: DeskFormDeps, onSuccess: OnSent<Consultation, ScheduleInput>) {
  return new FormSubmit<ScheduleInput, Consultation>(host, {
    fields: ['startsAt', 'durationMinutes'],
    precheck: ({ startsAt, durationMinutes }) => {
      // Two inputs make one value: say what is missing before the schema calls it malformed.
      if (!startsAt) return [requiredError('startsAt')];
      return checks.check((c) => c.checkSchedule({ startsAt, durationMinutes }));
    },
    send: ({ applicationId, startsAt, durationMinutes }, signal) =>
      explainingConflict(client().scheduleApplication(applicationId, { startsAt, durationMinutes }, signal)),
    onSuccess,
  });
}

export function declineForm({ host, client, checks }: DeskFormDeps, onSuccess: OnSent<Application, DeclineInput>) {
  return new FormSubmit<DeclineInput, Application>(host, {
    fields: ['reason'],
    precheck: ({ reason }) => checks.check((c) => c.checkDecline({ reason })),
    send: ({ applicationId, reason }, signal) =>
      explainingConflict(client().declineApplication(applicationId, { reason: reason.trim() }, signal)),
    onSuccess,
  });
}

export function conclusionForm({ host, client, checks }: DeskFormDeps, onSuccess: OnSent<Conclusion, ConclusionInput>) {
  return new FormSubmit<ConclusionInput, Conclusion>(host, {
    fields: ['text', 'recommendations', 'outcome'],
    precheck: ({ consultationId: _id, ...body }) => checks.check((c) => c.checkConclusion(body)),
    send: ({ consultationId, text, recommendations, outcome }, signal) => {
      const body = { text: text.trim(), recommendations: recommendations.trim(), outcome };
      // consultation_cancelled or conclusion_written: the reason says which, no second request.
      return explainingConflict(client().writeConclusion(consultationId, body, signal));
    },
    onSuccess,
  });
}

export function cancelForm({ host, client, checks }: DeskFormDeps, onSuccess: OnSent<Consultation, CancelInput>) {
  return new FormSubmit<CancelInput, Consultation>(host, {
    fields: ['reason'],
    precheck: ({ reason }) => checks.check((c) => c.checkCancel(reasonBody(reason))),
    send: ({ consultationId, reason }, signal) =>
      explainingConflict(client().cancelConsultation(consultationId, reasonBody(reason), signal)),
    onSuccess,
  });
}

/** The reason is optional: an empty field sends none rather than an empty one. */
function reasonBody(reason: string): { reason?: string } {
  const trimmed = reason.trim();
  return trimmed ? { reason: trimmed } : {};
}

/**
 * Sends a confirmation dialog's form (ConfirmDialogController's `confirm`): a refusal throws, so
 * the dialog stays open with the form showing why (FormSubmit's field errors and alert).
 */
export async function submitOrStay<Input, Result>(form: FormSubmit<Input, Result>, input: Input): Promise<void> {
  await form.submit(input);
  if (form.formError !== undefined || form.fieldErrors.length > 0) throw form.formError ?? new Error('invalid input');
}

/** A field left empty, said before the schema would call the combined value malformed. */
export function requiredError(field: string): FieldError {
  return { field, code: 'required', message: 'This field is required' };
}

/** Reads what a person typed into a form (a submit event's, or a dialog's); nothing without one. */
function formText(from: SubmitEvent | HTMLFormElement | null): (name: string) => string {
  const form = from instanceof HTMLFormElement ? from : (from?.target as HTMLFormElement | null);
  const data = form ? new FormData(form) : undefined;
  return (name) => String(data?.get(name) ?? '');
}

export function readSchedule(event: SubmitEvent, applicationId: string): ScheduleInput {
  const text = formText(event);
  return {
    applicationId,
    startsAt: localToIsoWithOffset(text('date'), text('time')) ?? '',
    durationMinutes: Number(text('durationMinutes')),
  };
}

export function readDecline(event: SubmitEvent, applicationId: string): DeclineInput {
  return { applicationId, reason: formText(event)('reason') };
}

export function readConclusion(event: SubmitEvent, consultationId: string): ConclusionInput {
  const text = formText(event);
  return {
    consultationId,
    text: text('text'),
    recommendations: text('recommendations'),
    outcome: text('outcome') as ConclusionOutcome,
  };
}

export function readCancel(form: HTMLFormElement | null, consultationId: string): CancelInput {
  return { consultationId, reason: formText(form)('reason') };
}
