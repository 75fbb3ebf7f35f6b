import type { Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';
import { MOSCOW, clockRange, dayLabel, differsFromMoscow } from './slot-days.ts';

export interface ConfirmationView {
  t: Translation;
  lang: Lang;
  consultation: Consultation;
  centerName: string | undefined;
  now: Date;
  onAgain: () => void;
}

/**
 * What a person needs to keep after booking: when, with whom, how, and where to find it again —
 * the section «Консультации», where the chat with the duty doctor and cancelling are.
 */
export function bookedConfirmation(view: ConfirmationView): TemplateResult {
  const { t, lang, consultation: c } = view;
  const d = t.dutySchedule;
  const time = clockRange(lang, c.startsAt, c.endsAt);
  const moscow = differsFromMoscow(c.startsAt) ? ` (${d.moscowAlso(clockRange(lang, c.startsAt, c.endsAt, MOSCOW))})` : '';
  return html`
    <section class="done" part="confirmation" aria-labelledby="done-title">
      <h3 id="done-title" tabindex="-1">${d.doneTitle}</h3>
      <dl class="summary">
        <dt>${d.doneDate}</dt>
        <dd part="booked-date">${dayLabel(t, lang, new Date(c.startsAt), view.now)}</dd>
        <dt>${d.doneTime}</dt>
        <dd part="booked-time">${time}${moscow}</dd>
        <dt>${d.doctor}</dt>
        <dd part="booked-doctor">${c.doctorName}</dd>
        ${view.centerName ? html`<dt>${d.center}</dt><dd>${view.centerName}</dd>` : nothing}
        <dt>${d.channelLabel}</dt>
        <dd>${d.channelVideo}</dd>
        ${c.topic ? html`<dt>${d.doneTopic}</dt><dd class="topic">${c.topic}</dd>` : nothing}
      </dl>
      <p part="where">${d.doneWhere}</p>
      <p>${d.doneJoin}</p>
      <button type="button" part="button book-another-button" @click=${view.onAgain}>${d.bookAnother}</button>
    </section>
  `;
}
