import type { Application, Center, CreateApplicationRequest, DocumentKind, FieldError } from '@oz/contracts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.ts';
import { CentersController } from '../../controllers/centers-catalog.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import type { LoadWords } from '../../controllers/load.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { formAlert } from '../../internal/fields.ts';
import { lazyChunk } from '../../internal/lazy-chunk.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { DocumentUpload } from '../oz-documents/document-upload.ts';
import { PatientDocuments } from '../oz-documents/patient-documents.ts';
import { describeUploadError } from '../oz-documents/upload-parts.ts';
import { uploadStyles } from '../oz-documents/upload.styles.ts';
import { aboutYou, centerField, diseaseField, textAreaField } from './apply-fields.ts';
import { attachedIds, missingKinds } from './checklist.ts';
import { confirmation } from './confirmation.ts';
import { documentChecklist } from './document-checklist.ts';
import { styles } from './oz-apply.styles.ts';
import { WaitingApplications } from './waiting-applications.ts';
import { strings } from './strings.ts';

/** A message kept as a function of the strings, so it follows a change of language. */
type Words = (t: Translation) => string;

/** What the form sends; `centerId` stays empty until one is chosen, so the pre-check can say so. */
type ApplyInput = Omit<CreateApplicationRequest, 'centerId'> & { centerId: string | undefined };

const FIELDS = ['centerId', 'disease', 'diagnosis', 'complaints', 'documentIds'] as const;

/** The application schema in a chunk of its own, one download per page (see LazyChecksController). */
const applicationChecks = lazyChunk(() => import('./application-checks.ts'));

/**
 * @summary An application for an online consultation (заявка на онлайн-консультацию) to a national
 * medical center: the center (fixed by the `center` attribute, or chosen), the disease group,
 * diagnosis and complaints, name and age from the profile, and the center's document checklist
 * ticked from the patient's uploads, with upload in place for a missing document. After sending it
 * says what happens next. Signed-out visitors see a prompt to sign in.
 *
 * @event oz-application-submitted - The application was filed. `detail: { application }`.
 * @event oz-document-uploaded - A document was uploaded from the checklist. `detail: { document }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The application form.
 * @csspart field - Each field (also `center-field`, `disease-field`, `diagnosis-field`, `complaints-field`).
 * @csspart label - A field's label or legend.
 * @csspart hint - Help text under a label.
 * @csspart radio - A center's radio button; `center-name` is the fixed center when preset.
 * @csspart select - The disease group list.
 * @csspart textarea - Diagnosis and complaints.
 * @csspart about-you - Name and age from the profile (`full-name`, `age`).
 * @csspart notice - "Your application to this center is waiting for review".
 * @csspart checklist - The document checklist; `checklist-item` is each kind, `checkbox` each
 *   upload to attach, `not-uploaded` the note for a kind with no uploads.
 * @csspart pickers - The file buttons of a checklist line.
 * @csspart upload-progress - The progress block while a file goes out; `progress-bar`, `progress-text`.
 * @csspart button - Every button; also `choose-file-button`, `camera-button`, `cancel-upload-button`,
 *   `submit`, `retry-button`, `new-application-button`.
 * @csspart error - Any error text; `field-error`, `form-error`, `upload-error`.
 * @csspart loading - "Загружаем…" while the centers or the patient's documents load.
 * @csspart load-error - What could not be loaded (its `error` text) and the `retry-button`; the
 *   text also carries `form-error`, its old name, for one release.
 * @csspart status - Confirmations such as "Документ загружен".
 * @csspart confirmation - What the patient sees after sending.
 * @csspart sign-in-prompt - What a signed-out visitor sees, and the note for users who are not patients.
 *
 * @cssproperty --oz-color-primary - Buttons, links, the progress bar and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors and missing documents (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzApply extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, uploadStyles, styles];

  /**
   * The center's id (`bakulev`, `kulakov`, see `GET /centers`): the application goes there and the
   * patient cannot change it. Without it the patient chooses.
   */
  @property() center?: string;

  @state() private chosenCenterId: string | undefined;
  @state() private disease = '';
  /** Documents the patient ticked or unticked; the rest follow the center's list. */
  @state() private choice: ReadonlyMap<string, boolean> = new Map();
  @state() private submitted: Application | undefined;
  @state() private status: Words | undefined;
  @state() private uploadErrorKind: DocumentKind | undefined;
  /** The API said a required document is missing where this page's list saw none (it is out of date). */
  @state() private missingOnServerOnly = false;

  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.apply.restoring, signInPrompt: t.apply.signInPrompt, otherRole: t.apply.patientsOnly }),
  });

  readonly #centers = new CentersController(this, () => this.client);
  /** Started when the element joins the page, so the schema is there by the first submit. */
  readonly #checks = new LazyChecksController(this, applicationChecks);

  readonly #documents = new PatientDocuments(this, { user: () => this.user, client: () => this.client });
  readonly #waiting = new WaitingApplications(this, { user: () => this.user, client: () => this.client });
  readonly #upload = new DocumentUpload(this, () => this.client);

  readonly #form = new FormSubmit<ApplyInput, Application>(this, {
    fields: FIELDS,
    precheck: (input) => this.#precheck(input),
    send: (input, signal) => this.client.createApplication({ ...input, centerId: input.centerId as Center['id'] }, signal),
    onSuccess: (application) => this.#onSubmitted(application),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('center')) this.disease = '';
  }

  protected override userChanged(): void {
    this.#upload.cancel();
    this.#upload.clearError();
    this.#form.reset();
    this.chosenCenterId = undefined;
    this.disease = '';
    this.choice = new Map();
    this.submitted = undefined;
    this.status = undefined;
    this.missingOnServerOnly = false;
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${this.t.apply.title}</h2>
        ${this.#renderBody()}
      </div>
    `;
  }

  #renderBody(): unknown {
    const a = this.t.apply;
    const gate = this.#gate.render();
    if (gate) return gate;
    if (this.submitted) return confirmation(this.t, this.locale, this.#centers.find(this.submitted.centerId), this.#onAgain);
    return this.#centers.render({ ...this.#loadWords(), loading: a.loading, retry: a.retry, failed: a.loadFailed }, (centers) =>
      this.#renderForm(centers),
    );
  }

  /** How a failed load speaks; `form-error` was the old part of its text, kept for one release. */
  #loadWords(): Pick<LoadWords, 'describe' | 'errorParts'> {
    return { describe: (error) => describeError(this.t, error), errorParts: 'form-error' };
  }

  #renderForm(centers: readonly Center[]): TemplateResult {
    const t = this.t;
    const a = t.apply;
    const form = this.#form;
    const preset = centers.find((c) => c.id === this.center);
    const center = this.#selectedCenter(centers);
    const waiting = center && this.#waiting.forCenter(center.id);
    return html`
      <p class="intro">${a.intro}</p>
      <form part="form" class="form" novalidate aria-labelledby="title" @submit=${this.#onSubmit}>
        ${centerField({
          t,
          lang: this.locale,
          centers,
          preset,
          selected: center,
          error: form.errorFor('centerId') ? a.centerRequired : undefined,
          onChange: this.#onCenter,
        })}
        ${waiting
          ? html`<p class="notice" part="notice">${a.waiting(new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date(waiting.createdAt)))}</p>`
          : nothing}
        ${diseaseField({
          t,
          lang: this.locale,
          center,
          disease: this.disease,
          error: form.errorFor('disease') ? a.diseaseRequired : undefined,
          onChange: (disease) => (this.disease = disease),
        })}
        ${aboutYou(t, this.user!)}
        ${textAreaField({ name: 'diagnosis', label: a.diagnosisLabel, hint: a.diagnosisHint, rows: 2, error: this.#fieldText('diagnosis') })}
        ${textAreaField({ name: 'complaints', label: a.complaintsLabel, hint: a.complaintsHint, rows: 4, error: this.#fieldText('complaints') })}
        ${center ? this.#renderChecklist(center) : nothing}
        <div role="status" part="status" class="status">${this.status?.(t) ?? nothing}</div>
        ${formAlert(this.#formErrorText())}
        <button type="submit" class="primary" part="button submit" ?disabled=${form.pending}>
          ${form.pending ? a.sending : a.submit}
        </button>
      </form>
    `;
  }

  #renderChecklist(center: Center): TemplateResult {
    const documents = this.#documents.items;
    const missing = documents ? missingKinds(center, documents, attachedIds(this.choice, center, documents)) : [];
    const problem = this.#form.errorFor('documentIds');
    // Marked only after a try to send: an empty checklist is where everyone starts, not an error.
    const shownMissing = problem ? missing : [];
    return documentChecklist({
      t: this.t,
      lang: this.locale,
      center,
      documents,
      renderDocuments: (rows) =>
        this.#documents.render({ ...this.#loadWords(), loading: this.t.documents.loadingList, retry: this.t.documents.retry }, rows),
      choice: this.choice,
      upload: this.#upload,
      missing: shownMissing,
      error: this.#documentsErrorText(problem, shownMissing),
      uploadError: this.#upload.error === undefined ? undefined : describeUploadError(this.t, this.#upload.error),
      uploadErrorKind: this.uploadErrorKind,
      onToggle: (id, attached) => (this.choice = new Map(this.choice).set(id, attached)),
      onPick: this.#onPick,
      onCancelUpload: () => this.#upload.cancel(),
    });
  }

  #selectedCenter(centers: readonly Center[]): Center | undefined {
    return centers.find((c) => c.id === this.center) ?? centers.find((c) => c.id === this.chosenCenterId);
  }

  #fieldText(field: string): string | undefined {
    const error = this.#form.errorFor(field);
    return error && describeFieldError(this.t, error);
  }

  #documentsErrorText(problem: FieldError | undefined, missing: readonly DocumentKind[]): string | undefined {
    if (!problem) return undefined;
    if (problem.code !== 'documents_missing') return describeFieldError(this.t, problem);
    // Everything required is attached (uploaded or ticked since): nothing left to say, unless the
    // API disagrees; then its generic words stand until the refreshed list shows what is missing.
    if (missing.length === 0) return this.missingOnServerOnly ? this.t.fieldErrors.documents_missing : undefined;
    return this.t.apply.missing(missing.map((kind) => this.t.domain.documentKinds[kind]).join(', '));
  }

  #formErrorText(): string | undefined {
    const error = this.#form.formError;
    if (error === undefined) return undefined;
    if (error instanceof ApiError && error.code === 'program_closed') return this.t.apply.programClosed;
    if (error instanceof ApiError && error.code === 'conflict') return this.t.apply.conflict;
    return describeError(this.t, error);
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
    this.chosenCenterId = centerId;
    this.disease = '';
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const center = this.#selectedCenter(this.#centers.value ?? []);
    const documents = this.#documents.items ?? [];
    this.status = undefined;
    await this.#form.submit({
      centerId: center?.id,
      disease: this.disease,
      diagnosis: String(data.get('diagnosis') ?? ''),
      complaints: String(data.get('complaints') ?? ''),
      documentIds: center ? attachedIds(this.choice, center, documents) : [],
    });
    const problem = this.#form.errorFor('documentIds');
    this.missingOnServerOnly =
      problem?.code === 'documents_missing' &&
      center !== undefined &&
      missingKinds(center, documents, attachedIds(this.choice, center, documents)).length === 0;
    if (!problem) return;
    // The API found a required kind missing that this list did not: it is out of date (another tab).
    if (this.missingOnServerOnly) this.#documents.refresh();
    await this.updateComplete;
    // FormSubmit focuses the first invalid field; when only documents are missing, go to that message.
    if (!this.renderRoot.querySelector('[aria-invalid="true"]')) {
      this.focusFirst('#documentIds-error');
    }
  };

  #onSubmitted(application: Application): Promise<void> {
    this.submitted = application;
    this.emit('oz-application-submitted', { application });
    // The attached documents are now in use, and this center has a waiting application.
    this.#documents.refresh();
    this.#waiting.refresh();
    return this.focusAfterUpdate('#done-title');
  }

  #onAgain = (): void => {
    this.submitted = undefined;
    this.disease = '';
    this.choice = new Map();
    this.status = undefined;
    this.missingOnServerOnly = false;
    this.#form.reset();
    void this.focusAfterUpdate('#title');
  };

  #onPick = async (kind: DocumentKind, file: File): Promise<void> => {
    this.uploadErrorKind = kind;
    this.#upload.clearError();
    this.status = (t) => t.documents.uploadStarted(file.name);
    const pending = this.#upload.upload(kind, file);
    // The buttons of this line give way to the progress bar; its stop button is the next thing to reach.
    await this.focusAfterUpdate('button[part~="cancel-upload-button"]');

    const { document, aborted } = await pending;
    if (document) {
      this.#documents.add(document);
      this.choice = new Map(this.choice).set(document.id, true);
      this.status = (t) => t.documents.uploaded(t.domain.documentKinds[document.kind], document.fileName);
      this.emit('oz-document-uploaded', { document });
    } else {
      this.status = aborted ? (t) => t.documents.uploadCancelled : undefined;
    }
    await this.focusAfterUpdate(`li[data-kind="${kind}"] button[part~="choose-file-button"]`);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-apply': OzApply;
  }
}
