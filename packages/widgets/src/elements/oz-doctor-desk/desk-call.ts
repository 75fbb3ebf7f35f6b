import type { Consultation } from '@oz/contracts';
import { ROOM_OPENS_MINUTES_BEFORE } from '@oz/contracts/constants';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Translation } from '../../i18n/index.ts';
import { isCallEnded } from '../../internal/call-ended.ts';
import { roomState } from '../../internal/video-join.ts';

const MINUTE = 60_000;

/** The unread messages of a consultation as the server counts them (an older server sends none: 0). */
export function unreadOf(consultation: Consultation): number {
  const count: unknown = consultation.unreadMessages;
  return typeof count === 'number' && count > 0 ? count : 0;
}

/** «Видеосвязь завершена — напишите заключение»: the doctor ended the call, the conclusion is to come. */
export function callEndedMark(t: Translation, consultation: Consultation): TemplateResult | typeof nothing {
  if (!isCallEnded(consultation)) return nothing;
  return html`<p class="badge call-ended-mark" part="call-ended-mark"><span aria-hidden="true">■ </span>${t.doctorDesk.callEndedMark}</p>`;
}

/** "Видеосвязь откроется 3 марта в 10:15…" before the room opens. */
function opensAtNote(t: Translation, locale: string, consultation: Consultation): TemplateResult {
  const opensAt = new Date(Date.parse(consultation.startsAt) - ROOM_OPENS_MINUTES_BEFORE * MINUTE);
  const time = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(opensAt);
  return html`<p part="join-note" class="join-note note">${t.videoJoin.joinOpensAt(time)}</p>`;
}

export interface CallPaneProps {
  t: Translation;
  locale: string;
  api: string | undefined;
  consultation: Consultation;
  /** The doctor pressed «Начать видеосвязь»: the room (and with it the camera) is on. */
  started: boolean;
  onStart: () => void;
}

/**
 * The call part of the consultation screen. The room, its device check and the camera start
 * only when the doctor presses «Начать видеосвязь» (or «Вернуться в видеосвязь» after ending it):
 * opening the consultation to write a conclusion never turns the camera on.
 */
export function renderCallPane(props: CallPaneProps): TemplateResult {
  const { t, consultation } = props;
  const desk = t.doctorDesk;
  const state = roomState(consultation);
  let body: unknown;
  if (state === 'closed') body = html`<p class="note">${desk.callClosed}</p>`;
  else if (state === 'not-yet') body = opensAtNote(t, props.locale, consultation);
  else if (props.started) {
    body = html`<oz-video-room part="video-room" consultation=${consultation.id} api=${ifDefined(props.api)} lang=${props.locale}></oz-video-room>`;
  } else {
    const ended = isCallEnded(consultation);
    body = html`
      <p class="note" id="start-call-hint">${desk.startCallHint}</p>
      <button type="button" class="primary" part="button start-call-button" aria-describedby="start-call-hint" @click=${props.onStart}>
        ${ended ? desk.returnToCall : desk.startCall}
      </button>
    `;
  }
  return html`
    <section class="call-pane" part="call-pane" aria-labelledby="call-title">
      <h4 id="call-title">${desk.callTitle}</h4>
      ${body}
    </section>
  `;
}

/**
 * A card's way into the call: «Начать видеосвязь» (or «Вернуться в видеосвязь») while the room
 * is open, which opens the consultation's screen with the room on; when it opens, before that.
 */
export function renderCardCall(
  t: Translation,
  locale: string,
  consultation: Consultation,
  onStart: (consultation: Consultation) => void,
): TemplateResult | typeof nothing {
  const state = roomState(consultation);
  if (state === 'closed') return nothing;
  if (state === 'not-yet') return opensAtNote(t, locale, consultation);
  const label = isCallEnded(consultation) ? t.doctorDesk.returnToCall : t.doctorDesk.startCall;
  return html`
    <button
      type="button"
      class=${isCallEnded(consultation) ? '' : 'primary'}
      part="button start-call-button"
      aria-label=${`${label}, ${t.doctorDesk.forPatient(consultation.patientName)}`}
      @click=${() => onStart(consultation)}
    >
      ${label}
    </button>
  `;
}
