import type { Application, Consultation, MedicalDocument } from '@oz/contracts';
import { initialState } from '@lit/task';
import { keyed } from 'lit/directives/keyed.js';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { ForgetOnChange } from '../../controllers/forget-on-change.ts';
import { LoadController } from '../../controllers/load.ts';
import { renderApplication } from './application-view.ts';
import type { DeskData } from './desk-data.ts';
import { declineForm, deskChecks, readDecline, readSchedule, scheduleForm } from './desk-forms.ts';
import { emitFrom, focusAfterUpdate, wordsOf, type DeskHost } from './desk-host.ts';
import { fieldText, formText, loadWords } from './desk-problems.ts';
import type { DeskStatus } from './desk-status.ts';
import { formatDateTime } from './desk-time.ts';
import { DeskDocuments } from './desk-documents.ts';
import { renderQueue } from './queue-view.ts';

/**
 * «Заявки» of the desk, a controller of it: the center's queue, one opened application with its
 * documents (loaded here; read in the page or saved), scheduling it, and declining it with a form
 * that opens only when the doctor asks for it.
 */
export class ApplicationsSection {
  /** The application being reviewed, as it was when opened. */
  #open: Application | null = null;
  /** «Отказать в консультации» was pressed: the decline form is open. */
  #declining = false;

  readonly #host: DeskHost;
  readonly #data: DeskData;
  readonly #status: DeskStatus;
  /** The opened application's documents: the ones attached to it (all of them for a referral). */
  readonly #documents: LoadController<[string | null, Application | null], MedicalDocument[]>;
  readonly #schedule;
  readonly #decline;
  readonly #files: DeskDocuments;

  constructor(host: DeskHost, { data, status }: { data: DeskData; status: DeskStatus }) {
    this.#host = host;
    this.#data = data;
    this.#status = status;
    this.#files = new DeskDocuments(host, data);
    // Another doctor signed in, or nobody is: nothing of the previous one's may stay.
    new ForgetOnChange(host, () => this.#data.doctorKey(), () => this.#reset(), null);
    const forms = { host, client: data.client, checks: new LazyChecksController(host, deskChecks) };
    this.#schedule = scheduleForm(forms, (consultation) => this.#scheduled(consultation));
    this.#decline = declineForm(forms, (application) => this.#declined(application));
    this.#documents = new LoadController(host, {
      args: () => [data.doctorKey(), this.#open] as [string | null, Application | null],
      task: async ([key, application], { signal }) => {
        if (!key || !application) return initialState;
        const { items } = await data.client().documents({ patientId: application.patientId, signal });
        // A referral is imported from a table with no documents; the patient uploads them later.
        if (application.source === 'referral') return items;
        return items.filter((document) => application.documentIds.includes(document.id));
      },
    });
  }

  /** Forgets everything of the previous doctor. */
  #reset(): void {
    this.#open = null;
    this.#declining = false;
    this.#files.reset();
    this.#schedule.reset();
    this.#decline.reset();
  }

  render(now: number): unknown {
    const t = wordsOf(this.#host);
    const locale = this.#host.locale;
    const words = loadWords(t);
    const diseaseName = (id: string) => this.#data.diseaseName(id, locale);
    const application = this.#open;
    if (!application) {
      const queue = this.#data.queueList;
      return this.#data.queue.render(words, () =>
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
      );
    }
    // Keyed: another application gets fresh, empty forms rather than the last one's typing.
    return keyed(
      application.id,
      renderApplication({
        t,
        locale,
        now,
        application,
        diseaseName,
        documents: this.#files.render(this.#documents, application.source === 'referral'),
        schedule: this.#schedule,
        decline: this.#decline,
        declining: this.#declining,
        onDeclineOpen: () => this.#setDeclining(true),
        onDeclineClose: () => this.#setDeclining(false),
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

  #openView(application: Application): void {
    this.#schedule.reset();
    this.#decline.reset();
    this.#declining = false;
    this.#files.reset();
    this.#status.clear();
    this.#open = application;
    this.#host.requestUpdate();
    void focusAfterUpdate(this.#host, '[data-focus-target]');
  }

  #backToQueue(): void {
    const id = this.#open?.id;
    this.#open = null;
    this.#files.reset();
    this.#host.requestUpdate();
    void focusAfterUpdate(this.#host, `[data-application-id="${id}"] button`, '[data-focus-target]');
  }

  /**
   * Opens the decline form (focus in its reason) or closes it (focus back on «Отказать в
   * консультации»): a refusal is a deliberate second step, not a form always in the way.
   */
  #setDeclining(open: boolean): void {
    this.#declining = open;
    if (!open) this.#decline.reset();
    this.#host.requestUpdate();
    void focusAfterUpdate(this.#host, open ? '#decline-reason-input' : '[part~="decline-open-button"]');
  }

  async #submitDecline(event: SubmitEvent, application: Application): Promise<void> {
    await this.#decline.submit(readDecline(event, application.id));
    // FormSubmit puts focus back on the first submit button, which is the schedule form's.
    if (this.#decline.formError !== undefined && this.#decline.fieldErrors.length === 0) {
      void focusAfterUpdate(this.#host, '[part~="decline-button"]');
    }
  }

  #scheduled(consultation: Consultation): Promise<void> {
    const before = this.#open;
    if (!before) return Promise.resolve();
    // The schedule answer is the consultation; the application changed exactly like this on the server.
    const application: Application = {
      ...before,
      status: 'scheduled',
      consultationId: consultation.id,
      updatedAt: consultation.createdAt,
    };
    emitFrom(this.#host, 'oz-application-scheduled', { application, consultation });
    const when = formatDateTime(consultation.startsAt, this.#host.locale);
    return this.#afterReview(wordsOf(this.#host).doctorDesk.scheduled(application.patient.fullName, when));
  }

  #declined(application: Application): Promise<void> {
    emitFrom(this.#host, 'oz-application-declined', { application });
    return this.#afterReview(wordsOf(this.#host).doctorDesk.declined(application.patient.fullName));
  }

  async #afterReview(message: string): Promise<void> {
    this.#open = null;
    this.#declining = false;
    this.#files.reset();
    this.#status.say(message);
    void this.#data.refresh();
    await focusAfterUpdate(this.#host, '[data-focus-target]');
  }
}
