import type { Conclusion, Consultation } from '@oz/contracts';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { OzChat } from '../oz-chat/oz-chat.ts';
import { renderCancelDialog } from './cancel-dialog.ts';
import { renderConsultationDetails } from './conclusion-view.ts';
import { consultationTime, renderConsultations } from './consultations-view.ts';
import { fieldText, formText, type DeskContext } from './desk-context.ts';
import { cancelForm, conclusionForm, readCancel, readConclusion } from './desk-forms.ts';
import { renderLoad } from './desk-parts.ts';
import { describeDeskError } from './desk-problems.ts';
import { formatDateTime } from './desk-time.ts';

/** «Мои консультации»: the doctor's consultations, cancelling one, the chat and the conclusion. */
export class ConsultationsSection {
  /** The consultation whose conclusion is being written or read. */
  open: Consultation | null = null;
  /** The consultation the confirmation dialog asks about. */
  #cancelling: Consultation | null = null;
  #cancelInvoker: HTMLElement | null = null;
  #cancelDone = false;

  readonly #ctx: DeskContext;
  readonly #conclusion;
  readonly #cancel;

  constructor(ctx: DeskContext) {
    this.#ctx = ctx;
    this.#conclusion = conclusionForm(ctx, (conclusion) => this.#concluded(conclusion));
    this.#cancel = cancelForm(ctx, (consultation) => this.#cancelled(consultation));
  }

  /** Forgets everything of the previous doctor. */
  reset(): void {
    this.open = null;
    this.#cancelling = null;
    this.#dialog()?.close();
    this.#conclusion.reset();
    this.#cancel.reset();
  }

  render(now: number): unknown {
    const ctx = this.#ctx;
    const t = ctx.t();
    const locale = ctx.locale();
    const describe = (error: unknown) => describeDeskError(t, error);
    const when = (consultation: Consultation) => consultationTime(t, locale, now, consultation);
    const open = this.open;
    const main = open
      ? keyed(
          open.id,
          renderConsultationDetails({
            t,
            locale,
            consultation: open,
            when: when(open),
            load: ctx.data.conclusion,
            form: this.#conclusion,
            fieldText: (form, field) => fieldText(t, form, field),
            formText: (form) => formText(t, form),
            describe,
            videoAction: ctx.videoAction(open),
            chat: html`<oz-chat
              consultation=${open.id}
              heading-level="4"
              lang=${locale}
              api=${ifDefined(ctx.api())}
            ></oz-chat>`,
            onBack: () => this.#backToList(),
            onSubmit: (event) => {
              event.preventDefault();
              void this.#conclusion.submit(readConclusion(event, open.id));
            },
            onRetry: () => void ctx.data.conclusion.run(),
          }),
        )
      : renderLoad(ctx.data.consultations, {
          complete: () =>
            renderConsultations({
              t,
              locale,
              now,
              consultations: ctx.data.consultationList.items,
              end: ctx.data.consultationList.renderMore({ t, listName: t.doctorDesk.consultationsTitle }),
              earlier: ctx.data.earlierList.items,
              earlierAllRead: !ctx.data.earlierList.hasMore,
              earlierEnd: ctx.data.earlierList.renderMore({ t, label: t.doctorDesk.earlierConsultations, listName: t.doctorDesk.pastTitle }),
              onOpen: (chosen) => this.show(chosen),
              onOpenChat: (chosen) => this.show(chosen, 'chat'),
              hasNewMessage: ctx.hasNewMessage,
              onCancel: (chosen) => void this.#startCancel(chosen),
              videoAction: ctx.videoAction,
            }),
          loadingText: t.doctorDesk.loading,
          describe,
          retryText: t.doctorDesk.retry,
          onRetry: () => void ctx.data.consultations.run(),
        });
    const cancelling = this.#cancelling;
    return html`
      ${main}
      ${renderCancelDialog({
        t,
        consultation: cancelling,
        when: cancelling ? when(cancelling) : '',
        form: this.#cancel,
        fieldText: (form, field) => fieldText(t, form, field),
        formText: (form) => formText(t, form),
        onSubmit: (event) => {
          event.preventDefault();
          if (cancelling) void this.#cancel.submit(readCancel(event, cancelling.id));
        },
        onKeep: () => this.#dialog()?.close(),
        onClose: () => this.#dialogClosed(),
      })}
    `;
  }

  /** Opens one consultation, with focus on its title, or on its chat's heading. */
  show(consultation: Consultation, at: 'title' | 'chat' = 'title'): void {
    this.#conclusion.reset();
    this.#ctx.announce('');
    this.#ctx.messagesSeen(consultation.id);
    this.open = consultation;
    this.#ctx.host.requestUpdate();
    if (at === 'title') {
      void this.#ctx.focus('[data-focus-target]');
      return;
    }
    void this.#ctx.host.updateComplete.then(() => {
      const chat = this.#ctx.host.renderRoot.querySelector<OzChat>('oz-chat');
      void chat?.focusTitle();
    });
  }

  #backToList(): void {
    const id = this.open?.id;
    this.open = null;
    this.#ctx.host.requestUpdate();
    void this.#ctx.focus(`[data-consultation-id="${id}"] .actions button`, '[data-focus-target]');
  }

  async #concluded(conclusion: Conclusion): Promise<void> {
    const consultation = this.open;
    this.#ctx.emit('oz-conclusion-written', { conclusion });
    this.#ctx.announce(this.#ctx.t().doctorDesk.conclusionWritten);
    // hasConclusion makes the view read it back with GET …/conclusion, as the patient will see it.
    if (consultation?.id === conclusion.consultationId) {
      this.open = { ...consultation, status: 'completed', hasConclusion: true };
      // The week reloads below; an earlier consultation (read on demand) is updated where it is.
      const { earlierList } = this.#ctx.data;
      if (earlierList.items.some((item) => item.id === consultation.id)) earlierList.upsert([this.open]);
    }
    void this.#ctx.data.consultations.run();
    await this.#ctx.focus('[data-focus-target]');
  }

  async #startCancel(consultation: Consultation): Promise<void> {
    this.#cancelInvoker = (this.#ctx.host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.#cancelDone = false;
    this.#cancel.reset();
    this.#cancelling = consultation;
    this.#ctx.host.requestUpdate();
    await this.#ctx.host.updateComplete;
    this.#dialog()?.showModal();
  }

  #cancelled(consultation: Consultation): void {
    this.#ctx.emit('oz-consultation-cancelled', { consultation });
    this.#ctx.announce(this.#ctx.t().doctorDesk.cancelled(formatDateTime(consultation.startsAt, this.#ctx.locale())));
    this.#cancelDone = true;
    this.#dialog()?.close();
    // A doctor's cancellation puts the application back in the queue: both lists changed.
    void this.#ctx.data.refresh();
  }

  /** Escape, «Не отменять» or a done cancellation: focus goes back where the person was. */
  #dialogClosed(): void {
    this.#cancelling = null;
    this.#ctx.host.requestUpdate();
    const invoker = this.#cancelInvoker;
    this.#cancelInvoker = null;
    if (this.#cancelDone || !invoker?.isConnected) void this.#ctx.focus('[data-focus-target]');
    else invoker.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return this.#ctx.host.renderRoot.querySelector('dialog');
  }
}
