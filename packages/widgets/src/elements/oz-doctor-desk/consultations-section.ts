import type { Conclusion, Consultation } from '@oz/contracts';
import { initialState } from '@lit/task';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { ForgetOnChange } from '../../controllers/forget-on-change.ts';
import { LoadController } from '../../controllers/load.ts';
import type { OzChat } from '../oz-chat/oz-chat.ts';
import { renderCancelDialog } from './cancel-dialog.ts';
import { renderConsultationDetails } from './conclusion-view.ts';
import { consultationTime, renderConsultations } from './consultations-view.ts';
import type { DeskData } from './desk-data.ts';
import { cancelForm, conclusionForm, deskChecks, readCancel, readConclusion, submitOrStay } from './desk-forms.ts';
import { emitFrom, focusAfterUpdate, wordsOf, type DeskHost } from './desk-host.ts';
import { fieldText, formText, loadWords } from './desk-problems.ts';
import type { DeskStatus } from './desk-status.ts';
import { formatDateTime } from './desk-time.ts';

export interface ConsultationsSectionDeps {
  data: DeskData;
  status: DeskStatus;
  /** The desk's overridable "join video" place (OzDoctorDesk.renderVideoAction). */
  videoAction: (consultation: Consultation) => unknown;
}

/**
 * «Мои консультации» of the desk, made of controllers of the desk: the doctor's consultations with the marks
 * of new messages, one opened consultation with its chat and conclusion (loaded here), and
 * cancelling one after a confirmation.
 */
export class ConsultationsSection {
  /** The consultation whose conclusion is being written or read. */
  #open: Consultation | null = null;
  /** Consultations a patient wrote in while the doctor was not looking at their chat. */
  readonly #newMessages = new Set<string>();

  readonly #host: DeskHost;
  readonly #data: DeskData;
  readonly #status: DeskStatus;
  readonly #videoAction: (consultation: Consultation) => unknown;
  /** The written conclusion of the opened consultation (GET …/conclusion). */
  readonly #written: LoadController<[string | null, string | undefined, boolean], Conclusion>;
  readonly #conclusion;
  readonly #cancel;
  readonly #cancelDialog: ConfirmDialogController<Consultation>;

  constructor(host: DeskHost, deps: ConsultationsSectionDeps) {
    this.#host = host;
    this.#data = deps.data;
    this.#status = deps.status;
    this.#videoAction = deps.videoAction;
    // Another doctor signed in, or nobody is: nothing of the previous one's may stay.
    new ForgetOnChange(host, () => this.#data.doctorKey(), () => this.#reset(), null);
    const { data } = deps;
    const forms = { host, client: data.client, checks: new LazyChecksController(host, deskChecks) };
    this.#conclusion = conclusionForm(forms, (conclusion) => this.#concluded(conclusion));
    this.#cancel = cancelForm(forms, (consultation) => this.#cancelled(consultation));
    this.#written = new LoadController(host, {
      args: () => [data.doctorKey(), this.#open?.id, this.#open?.hasConclusion ?? false] as [string | null, string | undefined, boolean],
      task: async ([key, id, written], { signal }) => {
        if (!key || !id || !written) return initialState;
        return data.client().conclusion(id, signal);
      },
    });
    // After a done cancellation the card moves to the past ones: focus goes to the list's title.
    const toTitle = () => void focusAfterUpdate(host, '[data-focus-target]');
    this.#cancelDialog = new ConfirmDialogController(host, {
      selector: 'dialog[part~="cancel-dialog"]',
      confirm: (consultation, form) => submitOrStay(this.#cancel, readCancel(form, consultation.id)),
      fallbackFocus: toTitle,
      focusAfterConfirm: toTitle,
    });
  }

  /** Forgets everything of the previous doctor. */
  #reset(): void {
    this.#open = null;
    this.#newMessages.clear();
    this.#cancelDialog.close();
    this.#conclusion.reset();
    this.#cancel.reset();
  }

  /**
   * A patient wrote in a consultation's chat: its card says so, unless the doctor has that chat
   * open (`shown`: this section is on screen). True when this is news to announce.
   */
  markNewMessage(consultationId: string, shown: boolean): boolean {
    const watching = shown && this.#open?.id === consultationId;
    if (watching || this.#newMessages.has(consultationId)) return false;
    this.#newMessages.add(consultationId);
    this.#host.requestUpdate();
    return true;
  }

  render(now: number): unknown {
    const t = wordsOf(this.#host);
    const locale = this.#host.locale;
    const data = this.#data;
    const words = loadWords(t);
    const when = (consultation: Consultation) => consultationTime(t, locale, now, consultation);
    const open = this.#open;
    const main = open
      ? keyed(
          open.id,
          renderConsultationDetails({
            t,
            locale,
            consultation: open,
            when: when(open),
            load: this.#written,
            words,
            form: this.#conclusion,
            fieldText: (form, field) => fieldText(t, form, field),
            formText: (form) => formText(t, form),
            videoAction: this.#videoAction(open),
            chat: html`<oz-chat
              consultation=${open.id}
              heading-level="4"
              lang=${locale}
              api=${ifDefined(this.#host.api)}
            ></oz-chat>`,
            onBack: () => this.#backToList(),
            onSubmit: (event) => {
              event.preventDefault();
              void this.#conclusion.submit(readConclusion(event, open.id));
            },
          }),
        )
      : data.consultations.render(words, () =>
          renderConsultations({
            t,
            locale,
            now,
            consultations: data.consultationList.items,
            end: data.consultationList.renderMore({ t, listName: t.doctorDesk.consultationsTitle }),
            earlier: data.earlierList.items,
            earlierAllRead: !data.earlierList.hasMore,
            earlierEnd: data.earlierList.renderMore({ t, label: t.doctorDesk.earlierConsultations, listName: t.doctorDesk.pastTitle }),
            onOpen: (chosen) => this.show(chosen),
            onOpenChat: (chosen) => this.show(chosen, 'chat'),
            hasNewMessage: (id) => this.#newMessages.has(id),
            onCancel: (chosen, event) => this.#startCancel(chosen, event),
            videoAction: this.#videoAction,
          }),
        );
    const cancelling = this.#cancelDialog.subject;
    return html`
      ${main}
      ${renderCancelDialog({
        t,
        dialog: this.#cancelDialog,
        when: cancelling ? when(cancelling) : '',
        form: this.#cancel,
        fieldText: (form, field) => fieldText(t, form, field),
        formText: (form) => formText(t, form),
      })}
    `;
  }

  /** Opens one consultation, with focus on its title, or on its chat's heading. */
  show(consultation: Consultation, at: 'title' | 'chat' = 'title'): void {
    this.#conclusion.reset();
    this.#status.clear();
    this.#newMessages.delete(consultation.id);
    this.#open = consultation;
    this.#host.requestUpdate();
    if (at === 'title') {
      void focusAfterUpdate(this.#host, '[data-focus-target]');
      return;
    }
    void this.#host.updateComplete.then(() => {
      const chat = this.#host.renderRoot.querySelector<OzChat>('oz-chat');
      void chat?.focusTitle();
    });
  }

  #backToList(): void {
    const id = this.#open?.id;
    this.#open = null;
    this.#host.requestUpdate();
    void focusAfterUpdate(this.#host, `[data-consultation-id="${id}"] .actions button`, '[data-focus-target]');
  }

  async #concluded(conclusion: Conclusion): Promise<void> {
    const consultation = this.#open;
    emitFrom(this.#host, 'oz-conclusion-written', { conclusion });
    this.#status.say(wordsOf(this.#host).doctorDesk.conclusionWritten);
    // hasConclusion makes the view read it back with GET …/conclusion, as the patient will see it.
    if (consultation?.id === conclusion.consultationId) {
      this.#open = { ...consultation, status: 'completed', hasConclusion: true };
      // The week reloads below; an earlier consultation (read on demand) is updated where it is.
      const { earlierList } = this.#data;
      if (earlierList.items.some((item) => item.id === consultation.id)) earlierList.upsert([this.#open]);
    }
    void this.#data.consultations.run();
    await focusAfterUpdate(this.#host, '[data-focus-target]');
  }

  #startCancel(consultation: Consultation, event: Event): void {
    this.#cancel.reset();
    void this.#cancelDialog.show(consultation, event);
  }

  #cancelled(consultation: Consultation): void {
    emitFrom(this.#host, 'oz-consultation-cancelled', { consultation });
    this.#status.say(wordsOf(this.#host).doctorDesk.cancelled(formatDateTime(consultation.startsAt, this.#host.locale)));
    // A doctor's cancellation puts the application back in the queue: both lists changed.
    void this.#data.refresh();
  }
}
