import type { Application, Conclusion, Consultation, MedicalDocument } from '@oz/contracts';
import { initialState } from '@lit/task';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { ForgetOnChange } from '../../controllers/forget-on-change.ts';
import { LoadController } from '../../controllers/load.ts';
import { defineVideoRoom } from '../oz-video-room/video-room-loader.ts';
import type { OzChat } from '../oz-chat/oz-chat.ts';
import { renderCancelDialog } from './cancel-dialog.ts';
import { renderConclusion } from './conclusion-view.ts';
import { renderConsultationScreen, renderFacts, type ScreenTab } from './consultation-screen.ts';
import { consultationTime, renderConsultations } from './consultations-view.ts';
import { renderCallPane, unreadOf } from './desk-call.ts';
import type { DeskData } from './desk-data.ts';
import { DeskDocuments } from './desk-documents.ts';
import { cancelForm, conclusionForm, deskChecks, readCancel, readConclusion, submitOrStay } from './desk-forms.ts';
import { emitFrom, focusAfterUpdate, wordsOf, type DeskHost } from './desk-host.ts';
import { fieldText, formText, loadWords } from './desk-problems.ts';
import type { DeskStatus } from './desk-status.ts';
import { formatDateTime } from './desk-time.ts';

export interface ConsultationsSectionDeps {
  data: DeskData;
  status: DeskStatus;
  /** The desk's overridable "join video" place on a card (OzDoctorDesk.renderVideoAction). */
  videoAction: (consultation: Consultation) => unknown;
}

/** Where an opened consultation starts: its title, the chat, the conclusion form, or the call (started). */
export type OpenAt = 'title' | 'chat' | 'conclusion' | 'call';

/** What the consultation screen reads besides the consultation: its application (if any) and the patient's documents. */
interface Record {
  consultationId: string;
  application: Application | null;
  documents: MedicalDocument[];
}

/**
 * «Мои консультации» of the desk, made of controllers of the desk: the doctor's consultations with
 * their unread messages and ended calls, and one consultation's screen (consultation-screen.ts):
 * the call, started only on request, the application and the documents read in the page, the chat
 * and the conclusion; cancelling a consultation after a confirmation.
 */
export class ConsultationsSection {
  /** The consultation whose screen is open. */
  #open: Consultation | null = null;
  /** The part of the screen shown on a narrow desk. */
  #tab: ScreenTab = 'conclusion';
  /** The doctor started the call on the open consultation: its room is on screen. */
  #callStarted = false;

  readonly #host: DeskHost;
  readonly #data: DeskData;
  readonly #status: DeskStatus;
  readonly #videoAction: (consultation: Consultation) => unknown;
  /** The written conclusion of the opened consultation (GET …/conclusion). */
  readonly #written: LoadController<[string | null, string | undefined, boolean], Conclusion>;
  /** The opened consultation's application and the patient's documents. */
  readonly #record: LoadController<[string | null, string | undefined, string | null | undefined, string | undefined], Record>;
  readonly #files: DeskDocuments;
  readonly #conclusion;
  readonly #cancel;
  readonly #cancelDialog: ConfirmDialogController<Consultation>;

  constructor(host: DeskHost, deps: ConsultationsSectionDeps) {
    this.#host = host;
    this.#data = deps.data;
    this.#status = deps.status;
    this.#videoAction = deps.videoAction;
    this.#files = new DeskDocuments(host, deps.data);
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
    this.#record = new LoadController(host, {
      args: () =>
        [data.doctorKey(), this.#open?.id, this.#open?.applicationId, this.#open?.patientId] as [
          string | null,
          string | undefined,
          string | null | undefined,
          string | undefined,
        ],
      task: async ([key, id, applicationId, patientId], { signal }) => {
        if (!key || !id || !patientId) return initialState;
        const [application, { items }] = await Promise.all([
          applicationId ? data.client().application(applicationId, signal) : Promise.resolve(null),
          data.client().documents({ patientId, signal }),
        ]);
        // An application's own documents; a referral's or a duty booking's: all the patient has uploaded.
        const documents = application && application.source !== 'referral' ? items.filter((document) => application.documentIds.includes(document.id)) : items;
        return { consultationId: id, application, documents };
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
    this.#callStarted = false;
    this.#files.reset();
    this.#cancelDialog.close();
    this.#conclusion.reset();
    this.#cancel.reset();
  }

  /**
   * A patient wrote in a consultation's chat: its card counts it, unless the doctor has that chat
   * open (`shown`: this section is on screen). True when this is news to announce.
   */
  markNewMessage(consultationId: string, shown: boolean): boolean {
    if (shown && this.#open?.id === consultationId) return false;
    const { consultationList, earlierList } = this.#data;
    for (const list of [consultationList, earlierList]) {
      const consultation = list.items.find((item) => item.id === consultationId);
      if (consultation) list.upsert([{ ...consultation, unreadMessages: unreadOf(consultation) + 1 }]);
    }
    if (this.#open?.id === consultationId) this.#open = { ...this.#open, unreadMessages: unreadOf(this.#open) + 1 };
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
      ? keyed(open.id, this.#renderScreen(open, when(open)))
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
            onOpen: (chosen) => this.show(chosen, chosen.hasConclusion ? 'title' : 'conclusion'),
            onOpenChat: (chosen) => this.show(chosen, 'chat'),
            unread: unreadOf,
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

  #renderScreen(open: Consultation, when: string): unknown {
    const t = wordsOf(this.#host);
    const locale = this.#host.locale;
    const words = loadWords(t);
    const record = this.#record;
    // The load keeps the last value while the next one runs: another consultation's is not this one's.
    const ours = (value: Record) => value.consultationId === open.id;
    const documents = {
      render: (loadWords: typeof words, complete: (documents: MedicalDocument[]) => unknown) =>
        record.render(loadWords, (value) => (ours(value) ? complete(value.documents) : html`<p class="loading" part="loading" role="status">${loadWords.loading}</p>`)),
    };
    return renderConsultationScreen({
      t,
      consultation: open,
      when,
      tab: this.#tab,
      call: renderCallPane({
        t,
        locale,
        api: this.#host.api,
        consultation: open,
        started: this.#callStarted,
        onStart: () => this.#startCall(),
      }),
      callLive: this.#callStarted,
      // The facts only once loaded: the documents below already show the loading line or the error with its retry.
      facts: record.value && ours(record.value)
        ? renderFacts({ t, consultation: open, application: record.value.application, diseaseName: (id) => this.#data.diseaseName(id, locale) })
        : '',
      documents: this.#files.render(documents, open.kind === 'referral' || (record.value?.application?.source ?? null) === 'referral'),
      chat: html`<oz-chat consultation=${open.id} heading-level="4" lang=${locale} api=${ifDefined(this.#host.api)}></oz-chat>`,
      conclusion: renderConclusion({
        t,
        locale,
        consultation: open,
        load: this.#written,
        words,
        form: this.#conclusion,
        fieldText: (form, field) => fieldText(t, form, field),
        formText: (form) => formText(t, form),
        onSubmit: (event) => {
          event.preventDefault();
          void this.#conclusion.submit(readConclusion(event, open.id));
        },
      }),
      onBack: () => this.#backToList(),
      onTab: (tab, focus) => {
        this.#selectTab(tab);
        if (focus) void focusAfterUpdate(this.#host, `#tab-${tab}`);
      },
    });
  }

  /**
   * Opens one consultation's screen: at its title, its chat, its conclusion (the form's heading,
   * scrolled to; no camera), or its call (the room starts: the doctor asked for it).
   */
  show(consultation: Consultation, at: OpenAt = 'title'): void {
    if (this.#open?.id !== consultation.id) {
      this.#conclusion.reset();
      this.#files.reset();
      this.#callStarted = false;
    }
    this.#status.clear();
    this.#open = consultation;
    this.#selectTab(at === 'title' ? (consultation.hasConclusion || consultation.status === 'cancelled' ? 'conclusion' : 'documents') : at);
    if (at === 'call') this.#startCall();
    this.#host.requestUpdate();
    if (at === 'title' || at === 'call') {
      void focusAfterUpdate(this.#host, '[data-focus-target]');
      return;
    }
    if (at === 'conclusion') {
      void this.#host.updateComplete.then(() => {
        const target = this.#host.renderRoot.querySelector<HTMLElement>('[data-conclusion-target]') ?? this.#host.renderRoot.querySelector<HTMLElement>('[data-focus-target]');
        target?.scrollIntoView?.({ block: 'start' });
        target?.focus({ preventScroll: true });
      });
      return;
    }
    void this.#host.updateComplete.then(async () => {
      const chat = this.#host.renderRoot.querySelector<OzChat>('oz-chat');
      if (!chat) return;
      await customElements.whenDefined('oz-chat');
      await chat.focusTitle();
    });
  }

  /**
   * Shows a part of the screen on a narrow desk. The chat's: what the patient wrote is now seen
   * (its <oz-chat> tells the server), so the count goes from the tab and the card.
   */
  #selectTab(tab: ScreenTab): void {
    this.#tab = tab;
    if (tab === 'chat' && this.#open) this.#open = this.#withUnread(this.#open, 0);
    this.#host.requestUpdate();
  }

  /** Turns the room on (its code loads now, the first time); the camera asks for permission inside it. */
  #startCall(): void {
    this.#callStarted = true;
    this.#selectTab('call');
    defineVideoRoom().catch((error: unknown) => console.error('Oblako Zdorovya: could not load <oz-video-room>', error));
    this.#host.requestUpdate();
  }

  /** The consultation with `count` unread messages, here and in the lists. */
  #withUnread(consultation: Consultation, count: number): Consultation {
    const updated = { ...consultation, unreadMessages: count };
    for (const list of [this.#data.consultationList, this.#data.earlierList]) {
      const listed = list.items.find((item) => item.id === consultation.id);
      if (listed && unreadOf(listed) !== count) list.upsert([{ ...listed, unreadMessages: count }]);
    }
    return updated;
  }

  /** The room reported that the doctor ended the call or joined again: the mark follows at once. */
  callChanged(consultationId: string, callEndedAt: string | null): void {
    if (this.#open?.id !== consultationId) return;
    this.#open = { ...this.#open, callEndedAt };
    this.#host.requestUpdate();
    void this.#data.consultations.run();
  }

  #backToList(): void {
    const id = this.#open?.id;
    // The screen's <oz-chat> read the chat on the server; a list reloaded meanwhile may still count it.
    if (this.#open) this.#withUnread(this.#open, 0);
    this.#open = null;
    this.#callStarted = false;
    this.#files.reset();
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
    await focusAfterUpdate(this.#host, '[data-conclusion-target]', '[data-focus-target]');
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
