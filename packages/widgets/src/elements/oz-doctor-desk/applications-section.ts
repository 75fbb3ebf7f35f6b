import type { Application, Consultation, MedicalDocument } from '@oz/contracts';
import { keyed } from 'lit/directives/keyed.js';
import { renderApplication } from './application-view.ts';
import { fieldText, formText, type DeskContext } from './desk-context.ts';
import { declineForm, readDecline, readSchedule, scheduleForm } from './desk-forms.ts';
import { renderLoad } from './desk-parts.ts';
import { describeDeskError } from './desk-problems.ts';
import { formatDateTime } from './desk-time.ts';
import { renderDocuments } from './documents-view.ts';
import { renderQueue } from './queue-view.ts';
import { saveDocument } from './save-document.ts';

/** «Заявки»: the center's queue, one opened application, its documents, schedule and decline. */
export class ApplicationsSection {
  /** The application being reviewed, as it was when opened. */
  open: Application | null = null;
  #savingId: string | null = null;
  #saveFailure: { name: string; error: unknown } | null = null;
  #saveAbort: AbortController | undefined;

  readonly #ctx: DeskContext;
  readonly #schedule;
  readonly #decline;

  constructor(ctx: DeskContext) {
    this.#ctx = ctx;
    this.#schedule = scheduleForm(ctx, (consultation) => this.#scheduled(consultation));
    this.#decline = declineForm(ctx, (application) => this.#declined(application));
  }

  /** Forgets everything of the previous doctor. */
  reset(): void {
    this.#saveAbort?.abort();
    this.open = null;
    this.#savingId = null;
    this.#saveFailure = null;
    this.#schedule.reset();
    this.#decline.reset();
  }

  render(now: number): unknown {
    const ctx = this.#ctx;
    const t = ctx.t();
    const locale = ctx.locale();
    const describe = (error: unknown) => describeDeskError(t, error);
    const diseaseName = (id: string) => this.#diseaseName(id);
    const application = this.open;
    if (!application) {
      const queue = ctx.data.queueList;
      return renderLoad(ctx.data.queue, {
        complete: () =>
          renderQueue({
            t,
            locale,
            now,
            applications: queue.items,
            more: queue.hasMore,
            // The next page comes as the doctor scrolls to the end; the button serves the keyboard.
            end: queue.renderMore({ t, listName: t.doctorDesk.queueTitle, onScroll: true }),
            diseaseName,
            onOpen: (chosen) => this.#openView(chosen),
          }),
        loadingText: t.doctorDesk.loading,
        describe,
        retryText: t.doctorDesk.retry,
        onRetry: () => void ctx.data.queue.run(),
      });
    }
    const failure = this.#saveFailure;
    // Keyed: another application gets fresh, empty forms rather than the last one's typing.
    return keyed(
      application.id,
      renderApplication({
        t,
        locale,
        now,
        application,
        diseaseName,
        documents: renderDocuments({
          t,
          locale,
          load: ctx.data.documents,
          referral: application.source === 'referral',
          savingId: this.#savingId,
          saveProblem: failure ? t.doctorDesk.saveFailed(failure.name, describe(failure.error)) : undefined,
          describe,
          onSave: (document) => void this.#save(document),
          onRetry: () => void ctx.data.documents.run(),
        }),
        schedule: this.#schedule,
        decline: this.#decline,
        fieldText: (form, field) => fieldText(t, form, field),
        formText: (form) => formText(t, form),
        onBack: () => this.#backToQueue(),
        onSchedule: (event) => {
          event.preventDefault();
          void this.#schedule.submit(readSchedule(event, application.id));
        },
        onDecline: (event) => {
          event.preventDefault();
          void this.#submitDecline(event, application);
        },
      }),
    );
  }

  #diseaseName(id: string): string {
    const disease = this.#ctx.data.center.value?.diseases.find((candidate) => candidate.id === id);
    if (!disease) return id;
    return this.#ctx.locale() === 'en' ? disease.nameEn : disease.name;
  }

  #openView(application: Application): void {
    this.#schedule.reset();
    this.#decline.reset();
    this.#saveFailure = null;
    this.#ctx.announce('');
    this.open = application;
    this.#ctx.host.requestUpdate();
    void this.#ctx.focus('[data-focus-target]');
  }

  #backToQueue(): void {
    const id = this.open?.id;
    this.open = null;
    this.#ctx.host.requestUpdate();
    void this.#ctx.focus(`[data-application-id="${id}"] button`, '[data-focus-target]');
  }

  async #submitDecline(event: SubmitEvent, application: Application): Promise<void> {
    await this.#decline.submit(readDecline(event, application.id));
    // FormSubmit puts focus back on the first submit button, which is the schedule form's.
    if (this.#decline.formError !== undefined && this.#decline.fieldErrors.length === 0) {
      void this.#ctx.focus('[part~="decline-button"]');
    }
  }

  #scheduled(consultation: Consultation): Promise<void> {
    const before = this.open;
    if (!before) return Promise.resolve();
    // The schedule answer is the consultation; the application changed exactly like this on the server.
    const application: Application = {
      ...before,
      status: 'scheduled',
      consultationId: consultation.id,
      updatedAt: consultation.createdAt,
    };
    this.#ctx.emit('oz-application-scheduled', { application, consultation });
    const when = formatDateTime(consultation.startsAt, this.#ctx.locale());
    return this.#afterReview(this.#ctx.t().doctorDesk.scheduled(application.patient.fullName, when));
  }

  #declined(application: Application): Promise<void> {
    this.#ctx.emit('oz-application-declined', { application });
    return this.#afterReview(this.#ctx.t().doctorDesk.declined(application.patient.fullName));
  }

  async #afterReview(message: string): Promise<void> {
    this.open = null;
    this.#ctx.announce(message);
    void this.#ctx.data.refresh();
    await this.#ctx.focus('[data-focus-target]');
  }

  async #save(document: MedicalDocument): Promise<void> {
    if (this.#savingId) return;
    const abort = new AbortController();
    this.#saveAbort = abort;
    this.#savingId = document.id;
    this.#saveFailure = null;
    this.#ctx.host.requestUpdate();
    try {
      await saveDocument(this.#ctx.client(), document, abort.signal);
    } catch (error) {
      if (!abort.signal.aborted) this.#saveFailure = { name: document.fileName, error };
    } finally {
      if (this.#saveAbort === abort) this.#savingId = null;
      this.#ctx.host.requestUpdate();
    }
  }

  /** The element left the page: a download in flight is no longer wanted. */
  disconnect(): void {
    this.#saveAbort?.abort();
  }
}
