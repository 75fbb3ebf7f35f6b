import { isCallEnded } from '../../internal/call-ended.ts';
import type { Center, Conclusion, Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { centerName, formatStart } from './arrange.ts';
import { renderConclusion } from './conclusion-view.ts';
import type { ConclusionsController } from './conclusions.ts';

export interface ConsultationCardContext {
  t: Translation;
  locale: Lang;
  centers: readonly Center[];
  conclusions: ConclusionsController;
  /** The place of the video button (see OzConsultations.renderJoin). */
  renderJoin: (consultation: Consultation) => unknown;
  /** Its video room is open on the card: it stays, and says itself that the doctor ended the call. */
  videoOpen: (consultationId: string) => boolean;
  onCancel: (consultation: Consultation, trigger: HTMLElement) => void;
  onPrint: (consultation: Consultation, conclusion: Conclusion) => void;
  /** The element's own `api`, handed to the chat (unset: the page's). */
  api: string | undefined;
  chatOpen: (consultationId: string) => boolean;
  /** A message from the doctor arrived while the chat was closed. */
  hasNewMessage: (consultationId: string) => boolean;
  onToggleChat: (consultationId: string) => void;
}

/** One consultation: when, what kind, which doctor, its status, and what can be done with it. */
export function renderConsultationCard(ctx: ConsultationCardContext, consultation: Consultation, upcoming: boolean): TemplateResult {
  const { t, locale } = ctx;
  const c = t.consultations;
  const titleId = `consultation-${consultation.id}-title`;
  // The doctor ended the call and the conclusion is not written yet: nothing to join or cancel.
  const callEnded = isCallEnded(consultation);
  return html`
    <article part="consultation ${consultation.status}" class="card" aria-labelledby=${titleId}>
      <h4 id=${titleId} part="when" class="card-title">${formatStart(locale, consultation.startsAt)}</h4>
      <dl class="facts">
        <div><dt>${c.status}</dt>${callEnded
          ? html`<dd part="status-text call-ended" class="status-call-ended">${t.domain.callEnded}</dd>`
          : html`<dd part="status-text" class="status-${consultation.status}">${t.domain.consultationStatuses[consultation.status]}</dd>`}</div>
        <div><dt>${c.kind}</dt><dd>${t.domain.consultationKinds[consultation.kind]}, ${c.duration(consultation.durationMinutes)}</dd></div>
        <div><dt>${c.doctor}</dt><dd>${consultation.doctorName}</dd></div>
        <div><dt>${c.center}</dt><dd>${centerName(ctx.centers, consultation.centerId, locale)}</dd></div>
        ${consultation.topic ? html`<div><dt>${c.topic}</dt><dd part="topic" class="long-text">${consultation.topic}</dd></div>` : nothing}
      </dl>
      ${consultation.status === 'cancelled' ? renderCancellation(t, consultation) : nothing}
      ${upcoming && (!callEnded || ctx.videoOpen(consultation.id)) && (consultation.status === 'scheduled' || consultation.status === 'in_progress')
        ? html`<div part="join" class="join">${ctx.renderJoin(consultation)}</div>`
        : nothing}
      ${upcoming && !callEnded && consultation.status === 'scheduled'
        ? html`<button
            type="button"
            part="button cancel-button"
            class="danger-outline"
            @click=${(event: Event) => ctx.onCancel(consultation, event.currentTarget as HTMLElement)}
          >
            ${c.cancel}
          </button>`
        : nothing}
      ${consultation.hasConclusion ? renderConclusionToggle(ctx, consultation) : nothing}
      ${renderChatToggle(ctx, consultation)}
      ${!upcoming && !callEnded && consultation.status === 'scheduled' && !consultation.hasConclusion
        ? html`<p class="note">${c.noConclusionYet}</p>`
        : nothing}
    </article>
  `;
}

function renderCancellation(t: Translation, consultation: Consultation): TemplateResult {
  const c = t.consultations;
  return html`
    <p class="note" part="cancellation">
      ${consultation.cancelledBy === 'doctor' ? c.cancelledByDoctor : consultation.cancelledBy === 'patient' ? c.cancelledByPatient : nothing}
      ${consultation.cancelReason ? c.cancelReason(consultation.cancelReason) : nothing}
    </p>
  `;
}

/** The chat opens in place, under its button (a disclosure: aria-expanded on the button). */
function renderChatToggle(ctx: ConsultationCardContext, consultation: Consultation): TemplateResult {
  const c = ctx.t.consultations;
  const open = ctx.chatOpen(consultation.id);
  const fresh = !open && ctx.hasNewMessage(consultation.id);
  return html`
    <div class="chat-toggle">
      <button
        type="button"
        part="button chat-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="chat-${consultation.id}"
        @click=${() => ctx.onToggleChat(consultation.id)}
      >
        ${open ? c.hideChat : c.openChat}
      </button>
      ${fresh ? html`<span part="new-message" class="new-message"><span aria-hidden="true">✉ </span>${c.newMessage}</span>` : nothing}
    </div>
    ${open
      ? html`<oz-chat
          id="chat-${consultation.id}"
          part="chat"
          consultation=${consultation.id}
          heading-level="5"
          lang=${ctx.locale}
          api=${ifDefined(ctx.api)}
        ></oz-chat>`
      : nothing}
  `;
}

function renderConclusionToggle(ctx: ConsultationCardContext, consultation: Consultation): TemplateResult {
  const c = ctx.t.consultations;
  const open = ctx.conclusions.isOpen(consultation.id);
  return html`
    <button
      type="button"
      part="button conclusion-button"
      class="primary"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="conclusion-${consultation.id}"
      @click=${() => ctx.conclusions.toggle(consultation.id)}
    >
      ${open ? c.hideConclusion : c.showConclusion}
    </button>
    ${open
      ? renderConclusion({
          t: ctx.t,
          locale: ctx.locale,
          consultation,
          state: ctx.conclusions.stateOf(consultation.id),
          onRetry: () => void ctx.conclusions.load(consultation.id),
          onPrint: (conclusion) => ctx.onPrint(consultation, conclusion),
        })
      : nothing}
  `;
}
