import type { Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import { callEndedMark } from './desk-call.ts';
import { formatDate, formatTime, isSameLocalDay, orderConsultations } from './desk-time.ts';

export interface ConsultationsViewProps {
  t: Translation;
  locale: string;
  now: number;
  consultations: readonly Consultation[];
  /**
   * What follows the upcoming ones: «Показать ещё» (controllers/paged-list.ts). Pages go forward
   * in time from a week ago, so later ones hold consultations further ahead.
   */
  end: unknown;
  /** Consultations before the week, newest first, as far as the doctor has asked for them. */
  earlier: readonly Consultation[];
  /** «Показать более ранние консультации», at the end of the past ones. */
  earlierEnd: unknown;
  /** The earlier ones have all been read: there is nothing before them. */
  earlierAllRead: boolean;
  onOpen: (consultation: Consultation) => void;
  /** Asks to cancel; `event` is the click, whose button gets focus back if the doctor keeps it. */
  onCancel: (consultation: Consultation, event: Event) => void;
  /** Opens the consultation at its chat. */
  onOpenChat: (consultation: Consultation) => void;
  /** How many of the patient's messages the doctor has not read. */
  unread: (consultation: Consultation) => number;
  /** The place for "join video" (see OzDoctorDesk.renderVideoAction). */
  videoAction: (consultation: Consultation) => unknown;
}

/** The doctor's consultations from a week ago on: upcoming ones first (today's marked), then past and cancelled. */
export function renderConsultations(props: ConsultationsViewProps): TemplateResult {
  const desk = props.t.doctorDesk;
  const { upcoming, past } = orderConsultations(props.consultations, props.now);
  return html`
    <h3 id="consultations-title" tabindex="-1" data-focus-target>${desk.consultationsTitle}</h3>
    <section aria-labelledby="upcoming-title" part="upcoming">
      <h4 id="upcoming-title">${desk.upcomingTitle}</h4>
      ${upcoming.length === 0
        ? html`<p class="note">${desk.upcomingNone}</p>`
        : html`<ul class="cards" aria-labelledby="upcoming-title">
            ${upcoming.map((consultation) => renderConsultation(props, consultation))}
          </ul>`}
      ${props.end}
    </section>
    <section aria-labelledby="past-title" part="past">
      <h4 id="past-title">${desk.pastTitle}</h4>
      ${past.length + props.earlier.length === 0
        ? html`<p class="note">${props.earlierAllRead ? desk.pastNoneAtAll : desk.pastNone}</p>`
        : html`<ul class="cards" aria-labelledby="past-title">
            ${[...past, ...props.earlier].map((consultation) => renderConsultation(props, consultation))}
          </ul>`}
      ${props.earlierEnd}
    </section>
  `;
}

/** "Сегодня, 10:30–11:00" or "вторник, 3 марта 2026 г., 10:30–11:00". */
export function consultationTime(t: Translation, locale: string, now: number, consultation: Consultation): string {
  const today = isSameLocalDay(Date.parse(consultation.startsAt), now);
  const date = today ? t.doctorDesk.today : formatDate(consultation.startsAt, locale);
  return t.doctorDesk.timeRange(date, formatTime(consultation.startsAt, locale), formatTime(consultation.endsAt, locale));
}

function renderConsultation(props: ConsultationsViewProps, consultation: Consultation): TemplateResult {
  const { t, locale, now } = props;
  const desk = t.doctorDesk;
  const today = isSameLocalDay(Date.parse(consultation.startsAt), now) && consultation.status !== 'cancelled';
  const cancelled = consultation.status === 'cancelled';
  const parts = ['consultation', today ? 'today' : '', cancelled ? 'cancelled' : ''].filter(Boolean).join(' ');
  return html`
    <li class="card ${today ? 'today' : ''} ${cancelled ? 'cancelled' : ''}" part=${parts} data-consultation-id=${consultation.id}>
      <p class="when" part="when">
        ${today
          ? html`<span class="badge today-badge" part="today-marker">${desk.today}</span>
              ${desk.hours(formatTime(consultation.startsAt, locale), formatTime(consultation.endsAt, locale))}`
          : consultationTime(t, locale, now, consultation)}
      </p>
      <h5 class="card-title">${consultation.patientName}</h5>
      <p class="meta">
        ${t.domain.consultationKinds[consultation.kind]} ·
        <span part="consultation-status">${t.domain.consultationStatuses[consultation.status]}</span>
      </p>
      ${consultation.topic ? html`<p class="topic pre" part="topic">${desk.topic}: ${consultation.topic}</p>` : nothing}
      ${cancelled ? renderCancellation(t, consultation) : nothing}
      ${consultation.hasConclusion ? html`<p class="done" part="conclusion-mark">✓ ${desk.conclusionWrittenMark}</p>` : nothing}
      ${callEndedMark(t, consultation)}
      ${renderUnread(t, props.unread(consultation))}
      <div class="actions">
        ${props.videoAction(consultation)}
        ${consultation.hasConclusion
          ? html`<button type="button" part="button open-conclusion-button" aria-label=${`${desk.openConclusion}, ${desk.forPatient(consultation.patientName)}`} @click=${() => props.onOpen(consultation)}>
              ${desk.openConclusion}
            </button>`
          : cancelled
            ? nothing
            : html`<button type="button" part="button write-conclusion-button" aria-label=${`${desk.writeConclusion}, ${desk.forPatient(consultation.patientName)}`} @click=${() => props.onOpen(consultation)}>
                ${desk.writeConclusion}
              </button>`}
        <button type="button" part="button open-chat-button" aria-label=${`${desk.openChat}, ${desk.forPatient(consultation.patientName)}`} @click=${() => props.onOpenChat(consultation)}>
          ${desk.openChat}
        </button>
        ${consultation.status === 'scheduled'
          ? html`<button type="button" part="button cancel-consultation-button" aria-label=${`${desk.cancelConsultation}, ${desk.forPatient(consultation.patientName)}`} @click=${(event: Event) => props.onCancel(consultation, event)}>
              ${desk.cancelConsultation}
            </button>`
          : nothing}
      </div>
    </li>
  `;
}

/** «Новое сообщение», «Новых сообщений: 3»: in words with an icon beside, not a coloured dot. */
function renderUnread(t: Translation, count: number): TemplateResult | typeof nothing {
  if (count === 0) return nothing;
  const desk = t.doctorDesk;
  return html`<p class="badge new-message" part="new-message"><span aria-hidden="true">✉ </span>${count === 1 ? desk.newMessage : desk.unread(count)}</p>`;
}

function renderCancellation(t: Translation, consultation: Consultation): TemplateResult {
  const desk = t.doctorDesk;
  const who = consultation.cancelledBy === 'patient' ? desk.cancelledByPatient : consultation.cancelledBy === 'doctor' ? desk.cancelledByDoctor : '';
  return html`<p class="cancellation">${who} ${consultation.cancelReason ? desk.reason(consultation.cancelReason) : nothing}</p>`;
}
