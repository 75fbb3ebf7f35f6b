import type { Application, Center, CreateApplicationRequest, DocumentKind, FieldError } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../api/errors.ts';
import { CentersController } from '../../controllers/centers-catalog.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import type { LoadWords } from '../../controllers/load.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { formAlert } from '../../internal/fields.ts';
import { lazyChunk } from '../../internal/lazy-chunk.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { viewState } from '../../internal/view-state.ts';
import { DocumentUpload } from '../oz-documents/document-upload.ts';
import { PatientDocuments } from '../oz-documents/patient-documents.ts';
import { describeUploadError } from '../oz-documents/upload-parts.ts';
import { aboutYou, centerField, diseaseField, textAreaField } from './apply-fields.ts';
import { attachedIds, missingKinds } from './checklist.ts';
import { confirmation } from './confirmation.ts';
import { documentChecklist } from './document-checklist.ts';
import { WaitingApplications } from './waiting-applications.ts';

type Words = (t: Translation) => string;

const formatDate = (locale: Lang, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));

interface ApplyState {
  chosenCenterId: string | undefined;
  disease: string;
  /** Documents the patient ticked or unticked; the rest follow the center's list. */
  choice: ReadonlyMap<string, boolean>;
  submitted: Application | undefined;
  status: Words | undefined;
  uploadErrorKind: DocumentKind | undefined;
  /** The API said a required document is missing where this page's list saw none (it is out of date). */
  missingOnServerOnly: boolean;
}

/** What the view needs of its <oz-apply> besides the common part. */
export interface ApplyHost extends ViewHost {
  /** The center fixed by the `center` attribute, if any. */
  readonly center: () => string | undefined;
}
/** What the form sends; `centerId` stays empty until one is chosen, so the pre-check can say so. */
type ApplyInput = Omit<CreateApplicationRequest, 'centerId'> & { centerId: string | undefined };

const FIELDS = ['centerId', 'disease', 'diagnosis', 'complaints', 'documentIds'] as const;

/** The application schema in a chunk of its own, one download per page (see LazyChecksController). */
const applicationChecks = lazyChunk(() => import('./application-checks.ts'));

/**
 * The signed-in patient's side of <oz-apply> (a chunk a visitor who is not signed in never
 * downloads): the application form with its document checklist and uploads, and the confirmation.
 */
export class ApplyView {
  readonly #host: ApplyHost;
  readonly #state: ApplyState;
  readonly #centers: CentersController;
  /** Started when the view is built, so the schema is there by the first submit. */
  readonly #checks: LazyChecksController<typeof import('./application-checks.ts')>;
  readonly #documents: PatientDocuments;
  readonly #waiting: WaitingApplications;
  readonly #upload: DocumentUpload;
  readonly #form: FormSubmit<ApplyInput, Application>;

  constructor(host: ApplyHost) {
    this.#host = host;
    const element = host.element;
    this.#state = viewState<ApplyState>(element, {
      chosenCenterId: undefined,
      disease: '',
      choice: new Map(),
      submitted: undefined,
      status: undefined,
      uploadErrorKind: undefined,
      missingOnServerOnly: false,
    });
    this.#centers = new CentersController(element, () => this.#host.client);
    this.#checks = new LazyChecksController(element, applicationChecks);

    this.#documents = new PatientDocuments(element, { user: () => this.#host.user, client: () => this.#host.client });
    this.#waiting = new WaitingApplications(element, { user: () => this.#host.user, client: () => this.#host.client });
    this.#upload = new DocumentUpload(element, () => this.#host.client);

    this.#form = new FormSubmit<ApplyInput, Application>(element, {
      fields: FIELDS,
      precheck: (input) => this.#precheck(input),
      send: (input, signal) => this.#host.client.createApplication({ ...input, centerId: input.centerId as Center['id'] }, signal),
      onSuccess: (application) => this.#onSubmitted(application),
    });
  }

  /** A new center was fixed by the attribute: its disease groups differ. */
  centerChanged(): void {
    this.#state.disease = '';
  }

  /** Another person signed in, or the patient signed out: nothing of theirs stays. */
  reset(): void {
    this.#upload.cancel();
    this.#upload.clearError();
    this.#form.reset();
    Object.assign(this.#state, {
      chosenCenterId: undefined,
      disease: '',
      choice: new Map(),
      submitted: undefined,
      status: undefined,
      missingOnServerOnly: false,
    });
  }

  render(): unknown {
    const a = this.#host.t.apply;
    const { submitted } = this.#state;
    if (submitted) return confirmation(this.#host.t, this.#host.locale, this.#centers.find(submitted.centerId), this.#onAgain);
    return this.#centers.render({ ...this.#loadWords(), loading: a.loading, retry: a.retry, failed: a.loadFailed }, (centers) =>
      this.#renderForm(centers),
    );
  }

  /** How a failed load speaks; `form-error` was the old part of its text, kept for one release. */
  #loadWords(): Pick<LoadWords, 'describe' | 'errorParts'> {
    return { describe: (error) => describeError(this.#host.t, error), errorParts: 'form-error' };
  }

  #renderForm(centers: readonly Center[]): TemplateResult {
    const t = this.#host.t;
    const a = t.apply;
    const form = this.#form;
    const preset = centers.find((c) => c.id === this.#host.center());
    const center = this.#selectedCenter(centers);
    const waiting = center && this.#waiting.forCenter(center.id);
    return html`
      <p class="intro">${a.intro}</p>
      <form part="form" class="form" novalidate aria-labelledby="title" @submit=${this.#onSubmit}>
        ${centerField({
          t,
          lang: this.#host.locale,
          centers,
          preset,
          selected: center,
          error: form.errorFor('centerId') ? a.centerRequired : undefined,
          onChange: this.#onCenter,
        })}
        ${waiting
          ? html`<p class="notice" part="notice">${a.waiting(formatDate(this.#host.locale, waiting.createdAt))}</p>`
          : nothing}
        ${diseaseField({
          t,
          lang: this.#host.locale,
          center,
          disease: this.#state.disease,
          error: form.errorFor('disease') ? a.diseaseRequired : undefined,
          onChange: (disease) => (this.#state.disease = disease),
        })}
        ${aboutYou(t, this.#host.user!)}
        ${textAreaField({ name: 'diagnosis', label: a.diagnosisLabel, hint: a.diagnosisHint, rows: 2, error: this.#fieldText('diagnosis') })}
        ${textAreaField({ name: 'complaints', label: a.complaintsLabel, hint: a.complaintsHint, rows: 4, error: this.#fieldText('complaints') })}
        ${center ? this.#renderChecklist(center) : nothing}
        <div role="status" part="status" class="status">${this.#state.status?.(t) ?? nothing}</div>
        ${formAlert(this.#formErrorText())}
        <button type="submit" class="primary" part="button submit" ?disabled=${form.pending}>
          ${form.pending ? a.sending : a.submit}
        </button>
      </form>
    `;
  }

  #renderChecklist(center: Center): TemplateResult {
    const documents = this.#documents.items;
    const missing = documents ? missingKinds(center, documents, attachedIds(this.#state.choice, center, documents)) : [];
    const problem = this.#form.errorFor('documentIds');
    // Marked only after a try to send: an empty checklist is where everyone starts, not an error.
    const shownMissing = problem ? missing : [];
    return documentChecklist({
      t: this.#host.t,
      lang: this.#host.locale,
      center,
      documents,
      renderDocuments: (rows) =>
        this.#documents.render({ ...this.#loadWords(), loading: this.#host.t.documents.loadingList, retry: this.#host.t.documents.retry }, rows),
      choice: this.#state.choice,
      upload: this.#upload,
      missing: shownMissing,
      error: this.#documentsErrorText(problem, shownMissing),
      uploadError: this.#upload.error === undefined ? undefined : describeUploadError(this.#host.t, this.#upload.error),
      uploadErrorKind: this.#state.uploadErrorKind,
      onToggle: (id, attached) => (this.#state.choice = new Map(this.#state.choice).set(id, attached)),
      onPick: this.#onPick,
      onCancelUpload: () => this.#upload.cancel(),
    });
  }

  #selectedCenter(centers: readonly Center[]): Center | undefined {
    return centers.find((c) => c.id === this.#host.center()) ?? centers.find((c) => c.id === this.#state.chosenCenterId);
  }

  #fieldText(field: string): string | undefined {
    const error = this.#form.errorFor(field);
    return error && describeFieldError(this.#host.t, error);
  }

  #documentsErrorText(problem: FieldError | undefined, missing: readonly DocumentKind[]): string | undefined {
    if (!problem) return undefined;
    if (problem.code !== 'documents_missing') return describeFieldError(this.#host.t, problem);
    // Everything required is attached (uploaded or ticked since): nothing left to say, unless the
    // API disagrees; then its generic words stand until the refreshed list shows what is missing.
    if (missing.length === 0) return this.#state.missingOnServerOnly ? this.#host.t.fieldErrors.documents_missing : undefined;
    return this.#host.t.apply.missing(missing.map((kind) => this.#host.t.domain.documentKinds[kind]).join(', '));
  }

  #formErrorText(): string | undefined {
    const error = this.#form.formError;
    if (error === undefined) return undefined;
    if (error instanceof ApiError && error.code === 'program_closed') return this.#host.t.apply.programClosed;
    if (error instanceof ApiError && error.code === 'conflict') return this.#host.t.apply.conflict;
    return describeError(this.#host.t, error);
  }

  async #precheck(input: ApplyInput): Promise<FieldError[]> {
    const errors = await this.#checks.check((checks) => checks.checkApplication(input));
    const center = this.#centers.find(input.centerId);
    const documents = this.#documents.items;
    if (center && documents && missingKinds(center, documents, input.documentIds ?? []).length > 0) {
      errors.push({ field: 'documentIds', code: 'documents_missing', message: 'Some required documents are missing' });
    }
    return errors;
  }

  #onCenter = (centerId: string): void => {
    this.#state.chosenCenterId = centerId;
    this.#state.disease = '';
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const center = this.#selectedCenter(this.#centers.value ?? []);
    const documents = this.#documents.items ?? [];
    this.#state.status = undefined;
    await this.#form.submit({
      centerId: center?.id,
      disease: this.#state.disease,
      diagnosis: String(data.get('diagnosis') ?? ''),
      complaints: String(data.get('complaints') ?? ''),
      documentIds: center ? attachedIds(this.#state.choice, center, documents) : [],
    });
    const problem = this.#form.errorFor('documentIds');
    this.#state.missingOnServerOnly =
      problem?.code === 'documents_missing' &&
      center !== undefined &&
      missingKinds(center, documents, attachedIds(this.#state.choice, center, documents)).length === 0;
    if (!problem) return;
    // The API found a required kind missing that this list did not: it is out of date (another tab).
    if (this.#state.missingOnServerOnly) this.#documents.refresh();
    await this.#host.element.updateComplete;
    // FormSubmit focuses the first invalid field; when only documents are missing, go to that message.
    if (!this.#host.element.renderRoot.querySelector('[aria-invalid="true"]')) {
      this.#host.focusFirst('#documentIds-error');
    }
  };

  #onSubmitted(application: Application): Promise<void> {
    this.#state.submitted = application;
    this.#host.emit('oz-application-submitted', { application });
    // The attached documents are now in use, and this center has a waiting application.
    this.#documents.refresh();
    this.#waiting.refresh();
    return this.#host.focusAfterUpdate('#done-title');
  }

  #onAgain = (): void => {
    this.#state.submitted = undefined;
    this.#state.disease = '';
    this.#state.choice = new Map();
    this.#state.status = undefined;
    this.#state.missingOnServerOnly = false;
    this.#form.reset();
    void this.#host.focusAfterUpdate('#title');
  };

  #onPick = async (kind: DocumentKind, file: File): Promise<void> => {
    this.#state.uploadErrorKind = kind;
    this.#upload.clearError();
    this.#state.status = (t) => t.documents.uploadStarted(file.name);
    const pending = this.#upload.upload(kind, file);
    // The buttons of this line give way to the progress bar; its stop button is the next thing to reach.
    await this.#host.focusAfterUpdate('button[part~="cancel-upload-button"]');

    const { document, aborted } = await pending;
    if (document) {
      this.#documents.add(document);
      this.#state.choice = new Map(this.#state.choice).set(document.id, true);
      this.#state.status = (t) => t.documents.uploaded(t.domain.documentKinds[document.kind], document.fileName);
      this.#host.emit('oz-document-uploaded', { document });
    } else {
      this.#state.status = aborted ? (t) => t.documents.uploadCancelled : undefined;
    }
    await this.#host.focusAfterUpdate(`li[data-kind="${kind}"] button[part~="choose-file-button"]`);
  };
}
