import type { Application } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { describedBy, fieldError, formAlert } from '../../internal/fields.ts';
import { submitButton } from './desk-parts.ts';
import { durationField, whenInput } from './desk-fields.ts';
import { REVIEW_TARGET_DAYS, formatDateTime, isOverdue, timeZoneLabel, waitingDays } from './desk-time.ts';

/** Consultation lengths offered; the contract allows 10–120 minutes, the seed's default is 30. */
export const DURATIONS = [15, 20, 30, 45, 60, 90, 120] as const;
export const DEFAULT_DURATION = 30;

export interface ApplicationViewProps {
  t: Translation;
  locale: string;
  now: number;
  application: Application;
  diseaseName: (id: string) => string;
  /** The documents section, rendered by documents-view.ts. */
  documents: unknown;
  schedule: FormState;
  decline: FormState;
  /** The decline form is open (after «Отказать в консультации»). */
  declining: boolean;
  /** A field's problem in words, or undefined. */
  fieldText: (form: FormState, field: string) => string | undefined;
  /** The form-level problem in words, or undefined. */
  formText: (form: FormState) => string | undefined;
  onBack: () => void;
  onSchedule: (event: SubmitEvent) => void;
  onDecline: (event: SubmitEvent) => void;
  onDeclineOpen: () => void;
  /** «Не отказывать», or Escape in the form. */
  onDeclineClose: () => void;
}

/** One application: who and why, the documents, then schedule, or (a second step) decline. */
export function renderApplication(props: ApplicationViewProps): TemplateResult {
  const { t, application } = props;
  const desk = t.doctorDesk;
  return html`
    <button type="button" class="back" part="button back-button" @click=${props.onBack}>
      <span aria-hidden="true">← </span>${desk.backToQueue}
    </button>
    <article class="application-details" part="application-details" aria-labelledby="application-title">
      <h3 id="application-title" tabindex="-1" data-focus-target>${desk.applicationTitle(application.patient.fullName)}</h3>
      ${renderFacts(props)} ${props.documents} ${renderScheduleForm(props)} ${renderDeclineForm(props)}
    </article>
  `;
}

function renderFacts({ t, locale, now, application, diseaseName }: ApplicationViewProps): TemplateResult {
  const desk = t.doctorDesk;
  const fact = (term: string, value: unknown, part = '') =>
    html`<div class="fact" part="fact ${part}"><dt>${term}</dt><dd>${value}</dd></div>`;
  const overdue = isOverdue(application.createdAt, now);
  return html`
    <dl class="facts" part="facts">
      ${fact(desk.patientAge, desk.age(application.patient.age))}
      ${fact(desk.patientPhone, html`<a href="tel:${application.patient.phone}">${application.patient.phone}</a>`)}
      ${application.disease ? fact(desk.disease, diseaseName(application.disease), 'disease') : nothing /* referrals name a diagnosis only */}
      ${fact(desk.diagnosis, application.diagnosis, 'diagnosis')}
      ${fact(desk.complaints, html`<span class="pre">${application.complaints}</span>`, 'complaints')}
      ${fact(
        desk.submittedAt,
        html`${formatDateTime(application.createdAt, locale)} · ${desk.waiting(waitingDays(application.createdAt, now))}
        ${overdue
          ? html`<span class="badge overdue-badge" part="overdue-marker"
              ><span aria-hidden="true">⚠ </span>${desk.overdue(REVIEW_TARGET_DAYS)}</span
            >`
          : nothing}`,
      )}
      ${application.referral
        ? fact(
            desk.referredBy,
            html`<span class="badge referral-badge" part="referral-marker">${desk.referral}</span>
              ${[application.referral.referringDoctor, application.referral.organization].filter(Boolean).join(', ')}`,
            'referral',
          )
        : nothing}
    </dl>
  `;
}

function renderScheduleForm(props: ApplicationViewProps): TemplateResult {
  const { t, locale, now, schedule } = props;
  const desk = t.doctorDesk;
  const whenError = props.fieldText(schedule, 'startsAt');
  const durationError = props.fieldText(schedule, 'durationMinutes');
  const whenDescribedBy = describedBy(whenError && 'startsAt-error', 'startsAt-hint');
  return html`
    <form part="form schedule-form" class="form" novalidate aria-labelledby="schedule-title" @submit=${props.onSchedule}>
      <h4 id="schedule-title">${desk.scheduleTitle}</h4>
      <fieldset class="field when" part="field startsAt-field">
        <legend part="label">${desk.when}</legend>
        <span class="hint" part="hint" id="startsAt-hint">${desk.timeZoneHint(timeZoneLabel(locale, now))}</span>
        <div class="when-inputs">
          ${whenInput({ id: 'date-input', name: 'date', type: 'date', label: desk.date, now, error: whenError, describedBy: whenDescribedBy })}
          ${whenInput({ id: 'time-input', name: 'time', type: 'time', label: desk.time, now, error: whenError, describedBy: whenDescribedBy })}
        </div>
        ${fieldError('startsAt-error', whenError)}
      </fieldset>
      ${durationField({
        t,
        id: 'duration-input',
        errorId: 'duration-error',
        label: desk.duration,
        choices: DURATIONS,
        chosen: DEFAULT_DURATION,
        error: durationError,
      })}
      ${formAlert(props.formText(schedule))} ${submitButton(schedule, desk.scheduleSubmit, desk.sending, 'schedule-button')}
    </form>
  `;
}

/**
 * «Отказать в консультации»: a quiet red-outlined button, unlike the filled «Назначить», that
 * opens the form asking for the reason; «Не отказывать» or Escape closes it again.
 */
function renderDeclineForm(props: ApplicationViewProps): TemplateResult {
  const { t, decline } = props;
  const desk = t.doctorDesk;
  if (!props.declining) {
    return html`
      <div class="decline-start">
        <button type="button" class="danger" part="button decline-open-button" aria-expanded="false" @click=${props.onDeclineOpen}>
          ${desk.declineOpen}
        </button>
      </div>
    `;
  }
  const error = props.fieldText(decline, 'reason');
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    props.onDeclineClose();
  };
  return html`
    <form
      part="form decline-form"
      class="form decline-form"
      novalidate
      aria-labelledby="decline-title"
      @submit=${props.onDecline}
      @keydown=${onKeydown}
    >
      <h4 id="decline-title">${desk.declineTitle}</h4>
      <div class="field" part="field reason-field">
        <label for="decline-reason-input" part="label">${desk.declineReason}</label>
        <span class="hint" part="hint" id="decline-reason-hint">${desk.declineReasonHint}</span>
        <textarea
          part="input textarea"
          id="decline-reason-input"
          name="reason"
          rows="3"
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(error && 'decline-reason-error', 'decline-reason-hint'))}
        ></textarea>
        ${fieldError('decline-reason-error', error)}
      </div>
      ${formAlert(props.formText(decline))}
      <div class="actions">
        <button type="submit" class="danger" part="button submit decline-button" ?disabled=${decline.pending}>
          ${decline.pending ? desk.sending : desk.declineSubmit}
        </button>
        <button type="button" part="button decline-keep-button" @click=${props.onDeclineClose}>${desk.declineKeep}</button>
      </div>
    </form>
  `;
}
