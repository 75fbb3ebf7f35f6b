import type { Consultation, DutySlot } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { describedBy, fieldError, formAlert } from '../../internal/fields.ts';
import { submitButton } from './desk-parts.ts';
import { durationField, whenInput } from './desk-fields.ts';
import { formatDate, formatTime, localDateValue, timeZoneLabel } from './desk-time.ts';

/** Lengths of one duty consultation offered; the contract allows 10–120 minutes, the API's default is 20. */
export const SLOT_LENGTHS = [10, 15, 20, 30, 40, 60] as const;
export const DEFAULT_SLOT_LENGTH = 20;

export interface PublishFormProps {
  t: Translation;
  locale: string;
  now: number;
  form: FormState;
  /** "That makes 9 consultations of 20 minutes…", or undefined while the period is incomplete. */
  preview: string | undefined;
  fieldText: (field: string) => string | undefined;
  formText: string | undefined;
  onChange: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** Date, start, end and length, in the doctor's local time like the scheduling form. */
export function renderPublishForm(props: PublishFormProps): TemplateResult {
  const { t, locale, now, form } = props;
  const desk = t.doctorDesk;
  const startError = props.fieldText('startsAt');
  const endError = props.fieldText('endsAt');
  const lengthError = props.fieldText('durationMinutes');
  const periodDescribedBy = (error: string | undefined, errorId: string) => describedBy(error && errorId, 'duty-period-hint');
  const startDescribedBy = periodDescribedBy(startError, 'duty-start-error');
  return html`
    <form
      part="form publish-form"
      class="form"
      novalidate
      aria-labelledby="publish-title"
      @change=${props.onChange}
      @submit=${props.onSubmit}
    >
      <h4 id="publish-title">${desk.publishTitle}</h4>
      <fieldset class="field when" part="field period-field">
        <legend part="label">${desk.dutyPeriod}</legend>
        <span class="hint" part="hint" id="duty-period-hint">${desk.timeZoneHint(timeZoneLabel(locale, now))}</span>
        <div class="when-inputs">
          ${whenInput({ id: 'duty-date-input', name: 'date', type: 'date', label: desk.dutyDate, now, error: startError, describedBy: startDescribedBy })}
          ${whenInput({ id: 'duty-start-input', name: 'start', type: 'time', label: desk.dutyStart, now, error: startError, describedBy: startDescribedBy })}
          ${whenInput({
            id: 'duty-end-input',
            name: 'end',
            type: 'time',
            label: desk.dutyEnd,
            now,
            error: endError,
            describedBy: periodDescribedBy(endError, 'duty-end-error'),
          })}
        </div>
        ${fieldError('duty-start-error', startError)} ${fieldError('duty-end-error', endError)}
      </fieldset>
      ${durationField({
        t,
        id: 'duty-length-input',
        errorId: 'duty-length-error',
        label: desk.slotLength,
        choices: SLOT_LENGTHS,
        chosen: DEFAULT_SLOT_LENGTH,
        error: lengthError,
      })}
      <p class="note preview" part="publish-preview" aria-live="polite">${props.preview ?? nothing}</p>
      ${formAlert(props.formText)} ${submitButton(form, desk.publishSubmit, desk.sending, 'publish-button')}
    </form>
  `;
}

export interface SlotListProps {
  t: Translation;
  locale: string;
  now: number;
  slots: readonly DutySlot[];
  /** Later slots wait on the next pages. */
  more: boolean;
  /** What follows the list: «Показать ещё» (controllers/paged-list.ts). */
  end: unknown;
  /** The doctor's consultations (as far as loaded), to name who booked a slot; undefined while loading. */
  consultations: readonly Consultation[] | undefined;
  onRemove: (slot: DutySlot, trigger: HTMLElement) => void;
  onOpenConsultation: (consultation: Consultation) => void;
}

/** The doctor's coming slots by day: free ones can be removed, booked ones lead to their consultation. */
export function renderSlotList(props: SlotListProps): TemplateResult {
  const desk = props.t.doctorDesk;
  const coming = props.slots
    .filter((slot) => Date.parse(slot.endsAt) > props.now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const booked = coming.filter((slot) => slot.status === 'booked').length;
  return html`
    <section part="slots" aria-labelledby="slots-title">
      <h4 id="slots-title" tabindex="-1">${desk.slotsTitle}</h4>
      ${coming.length === 0
        ? props.more
          ? nothing
          : html`<p class="note">${desk.slotsNone}</p>`
        : html`
            <p class="summary" part="slots-summary">
              ${desk.slotsSummary(coming.length - booked, booked)} ${props.more ? desk.slotsSummaryPartial : nothing}
            </p>
            ${repeat(
              byDay(coming),
              ([day]) => day,
              ([day, slots]) => html`
                <h5 id="day-${day}">${formatDate(slots[0]!.startsAt, props.locale)}</h5>
                <ul class="slot-list" aria-labelledby="day-${day}">
                  ${repeat(slots, (slot) => slot.id, (slot) => renderSlot(props, slot))}
                </ul>
              `,
            )}
          `}
      ${props.end}
    </section>
  `;
}

function renderSlot(props: SlotListProps, slot: DutySlot): TemplateResult {
  const { t, locale } = props;
  const desk = t.doctorDesk;
  const hours = desk.hours(formatTime(slot.startsAt, locale), formatTime(slot.endsAt, locale));
  const spoken = `${desk.slotAt(hours)}, ${formatDate(slot.startsAt, locale)}`;
  const consultation = slot.consultationId ? props.consultations?.find((c) => c.id === slot.consultationId) : undefined;
  const free = slot.status === 'free';
  return html`
    <li class="slot ${slot.status}" part="slot ${slot.status}" data-slot-id=${slot.id}>
      <div class="slot-info">
        <span class="slot-time" part="slot-time">${hours}</span>
        <span class="badge ${free ? 'free-badge' : 'booked-badge'}" part="slot-status">${free ? desk.slotFree : desk.slotBooked}</span>
        ${consultation
          ? html`<span class="slot-patient" part="slot-patient">${desk.bookedBy(consultation.patientName)}</span>`
          : nothing}
      </div>
      ${free
        ? html`<button
            type="button"
            part="button remove-slot-button"
            aria-label=${`${desk.removeSlot}, ${spoken}`}
            @click=${(event: Event) => props.onRemove(slot, event.currentTarget as HTMLElement)}
          >
            ${desk.removeSlot}
          </button>`
        : consultation
          ? html`<button
              type="button"
              part="button open-booked-button"
              aria-label=${`${desk.openBookedConsultation}, ${desk.forPatient(consultation.patientName)}`}
              @click=${() => props.onOpenConsultation(consultation)}
            >
              ${desk.openBookedConsultation}
            </button>`
          : nothing}
    </li>
  `;
}

/** Slots grouped by the doctor's local day, in order. */
function byDay(slots: readonly DutySlot[]): [string, DutySlot[]][] {
  const days = new Map<string, DutySlot[]>();
  for (const slot of slots) {
    const day = localDateValue(Date.parse(slot.startsAt));
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days];
}
