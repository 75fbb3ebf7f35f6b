import type { DutySlot } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describedBy, fieldError, formAlert } from '../../internal/fields.ts';
import { MOSCOW, clockRange, dayLabel, differsFromMoscow } from './slot-days.ts';

export interface BookingPanelView {
  t: Translation;
  lang: Lang;
  slot: DutySlot;
  centerName: string | undefined;
  /** The sign-in gate's note (restoring, sign in, patients only); undefined shows the form. */
  gate: TemplateResult | undefined;
  now: Date;
  topic: string;
  /** The contract's limit of the question. */
  topicMax: number;
  pending: boolean;
  topicError: string | undefined;
  formError: string | undefined;
  /** Nobody is signed in and the page has an <oz-register> to jump to. */
  canJumpToSignIn: boolean;
  /** The person has just signed in to book this time: say so where the form now is. */
  justSignedIn: boolean;
  onTopic: (topic: string) => void;
  onSubmit: (event: SubmitEvent) => void;
  onJumpToSignIn: () => void;
}

/** "Пятница, 28 ноября, 10:00–10:20 (по Москве 08:00–08:20)". */
export function slotWhen(t: Translation, lang: Lang, slot: Pick<DutySlot, 'startsAt' | 'endsAt'>, now: Date): string {
  const day = dayLabel(t, lang, new Date(slot.startsAt), now);
  const local = clockRange(lang, slot.startsAt, slot.endsAt);
  const moscow = differsFromMoscow(slot.startsAt)
    ? ` (${t.dutySchedule.moscowAlso(clockRange(lang, slot.startsAt, slot.endsAt, MOSCOW))})`
    : '';
  return t.dutySchedule.dayAndTime(day, local) + moscow;
}

export function bookingPanel(view: BookingPanelView): TemplateResult {
  const d = view.t.dutySchedule;
  return html`
    <section class="booking" part="booking" aria-labelledby="booking-title">
      <h4 id="booking-title" tabindex="-1">${d.bookingTitle}</h4>
      ${view.justSignedIn && !view.gate ? html`<p class="signed-in-note" part="signed-in-note">${d.signedInGoOn}</p>` : nothing}
      <dl class="summary" part="summary">
        <dt>${d.when}</dt>
        <dd part="summary-when">${slotWhen(view.t, view.lang, view.slot, view.now)}</dd>
        <dt>${d.doctor}</dt>
        <dd part="summary-doctor">${view.slot.doctorName}</dd>
        ${view.centerName ? html`<dt>${d.center}</dt><dd>${view.centerName}</dd>` : nothing}
      </dl>
      ${panelBody(view)}
    </section>
  `;
}

/** Who is looking decides what the panel offers: the form, or the gate's note with a way to sign in. */
function panelBody(view: BookingPanelView): TemplateResult {
  if (!view.gate) return bookingForm(view);
  return html`
    ${view.gate}
    ${view.canJumpToSignIn
      ? html`<button type="button" part="button sign-in-button" @click=${view.onJumpToSignIn}>${view.t.dutySchedule.goToSignIn}</button>`
      : nothing}
  `;
}

function bookingForm(view: BookingPanelView): TemplateResult {
  const d = view.t.dutySchedule;
  return html`
    <form part="form" class="form" novalidate aria-labelledby="booking-title" @submit=${view.onSubmit}>
      <!-- The program offers video only: said as a fact, not as a choice of one (a lone radio puzzles people). -->
      <div class="channel" part="field channel-field">
        <p class="channel-line" part="channel"><span class="label" part="label">${d.channelLabel}:</span> ${d.channelVideo}</p>
        <p class="hint" part="hint">${d.channelHint}</p>
      </div>

      <section class="requirements" part="requirements" aria-labelledby="requirements-title">
        <h5 id="requirements-title">${d.requirementsTitle}</h5>
        <ul>
          ${d.requirements.map((line) => html`<li>${line}</li>`)}
        </ul>
      </section>

      <div class="field" part="field topic-field">
        <label for="topic-input" part="label">
          ${d.topicLabel} <span class="optional">(${view.t.common.optional})</span>
        </label>
        <span class="hint" part="hint" id="topic-hint">${d.topicHint}</span>
        <textarea
          id="topic-input"
          name="topic"
          part="textarea"
          rows="3"
          maxlength=${view.topicMax}
          aria-invalid=${view.topicError ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(view.topicError && 'topic-error', 'topic-hint', 'topic-counter'))}
          .value=${view.topic}
          @input=${(event: Event) => view.onTopic((event.currentTarget as HTMLTextAreaElement).value)}
        ></textarea>
        <span class="counter" part="counter" id="topic-counter">${d.topicCounter(view.topic.length, view.topicMax)}</span>
        ${fieldError('topic-error', view.topicError)}
      </div>

      ${formAlert(view.formError)}
      <button type="submit" class="primary" part="button submit" ?disabled=${view.pending}>
        ${view.pending ? d.sending : d.submit}
      </button>
    </form>
  `;
}
