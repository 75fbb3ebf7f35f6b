import type { DocumentKind, MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.ts';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { deleteDialog } from './delete-dialog.ts';
import { documentList } from './document-list.ts';
import { DocumentUpload } from './document-upload.ts';
import { styles } from './oz-documents.styles.ts';
import { PatientDocuments } from './patient-documents.ts';
import { saveBlob } from './save-blob.ts';
import { uploadForm } from './upload-form.ts';
import { describeUploadError } from './upload-parts.ts';
import { uploadStyles } from './upload.styles.ts';
import { strings } from './strings.ts';

/** A message kept as a function of the strings, so it follows a change of language. */
type Words = (t: Translation) => string;

/**
 * @summary The patient's medical documents (медицинские документы) in the personal account:
 * upload with a progress bar (a file, or on phones a photo from the camera), the list with kind,
 * file name, date and size, download, and delete after a confirmation. Signed-out visitors see a
 * prompt to sign in.
 *
 * @event oz-document-uploaded - A document was uploaded here. `detail: { document }`.
 * @event oz-document-deleted - A document was deleted here. `detail: { documentId }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The upload form (also `upload-form`).
 * @csspart field - Each field (also `kind-field`, `file-field`).
 * @csspart label - A field's label.
 * @csspart select - The document kind list.
 * @csspart hint - Help text under a label.
 * @csspart pickers - The row of file buttons.
 * @csspart file-status - Which file is chosen.
 * @csspart upload-progress - The progress block while a file goes out.
 * @csspart progress-bar - The `<progress>` element; `progress-text` is the percentage beside it.
 * @csspart button - Every button; also `choose-file-button`, `camera-button`, `upload-button`,
 *   `submit`, `cancel-upload-button`, `download-button`, `delete-button`, `keep-button`,
 *   `confirm-button` (the delete in the dialog; also `confirm-delete-button`, its old name, for one
 *   release), `retry-button`.
 * @csspart list - The list of documents; `document` is each card.
 * @csspart document-kind - A card's kind; `file-name`, `meta` (date and size) and `in-use` (attached
 *   to an open application) follow it.
 * @csspart empty - "No documents yet".
 * @csspart loading - "Загружаем список документов…" while the list loads.
 * @csspart load-error - Why the list could not be loaded (its `error` text) and the `retry-button`;
 *   the text also carries `form-error`, its old name, for one release.
 * @csspart dialog - The delete confirmation (also `delete-dialog`).
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for a whole action.
 * @csspart status - Confirmations such as "Документ загружен".
 * @csspart sign-in-prompt - What a signed-out visitor sees, and the note for users who are not patients.
 *
 * @cssproperty --oz-color-primary - Buttons, links, the progress bar and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors and the delete buttons (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzDocuments extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, uploadStyles, styles];

  @state() private kind = '';
  @state() private file: File | null = null;
  /** Set when the person pressed "upload" without choosing. */
  @state() private kindMissing = false;
  @state() private fileMissing = false;
  @state() private status: Words | undefined;
  @state() private downloading: ReadonlySet<string> = new Set();
  @state() private listError: Words | undefined;

  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.documents.restoring, signInPrompt: t.documents.signInPrompt, otherRole: t.documents.patientsOnly }),
  });

  readonly #documents = new PatientDocuments(this, { user: () => this.user, client: () => this.client });
  readonly #upload = new DocumentUpload(this, () => this.client);
  /** Aborts downloads still running when the element leaves the page. */
  #downloads = new AbortController();

  /** "Delete this document?"; after a delete its card is gone, so focus goes to the list heading. */
  readonly #delete = new ConfirmDialogController<MedicalDocument>(this, {
    selector: 'dialog[part~="delete-dialog"]',
    confirm: (document) => this.#deleteDocument(document),
    fallbackFocus: () => this.focusFirst('#list-title'),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#downloads.signal.aborted) this.#downloads = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#downloads.abort();
  }

  protected override userChanged(): void {
    this.#upload.cancel();
    this.#upload.clearError();
    this.kind = '';
    this.file = null;
    this.kindMissing = this.fileMissing = false;
    this.status = this.listError = undefined;
    this.#delete.close();
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${this.t.documents.title}</h2>
        ${this.#renderBody()}
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    const t = this.t.documents;
    const gate = this.#gate.render();
    if (gate) return gate;
    return html`
      <p class="intro">${t.intro}</p>
      ${uploadForm({
        t: this.t,
        lang: this.locale,
        kind: this.kind,
        file: this.file,
        kindError: this.kindMissing ? t.kindRequired : undefined,
        fileError: this.fileMissing ? t.fileRequired : undefined,
        formError: this.#upload.error === undefined ? undefined : describeUploadError(this.t, this.#upload.error),
        upload: this.#upload,
        onKind: (kind) => {
          this.kind = kind;
          this.kindMissing = false;
        },
        onPick: (file) => {
          this.file = file;
          this.fileMissing = false;
          this.#upload.clearError();
        },
        onSubmit: this.#onUpload,
        onCancel: () => this.#upload.cancel(),
      })}
      <div role="status" part="status" class="status">${this.status?.(this.t) ?? nothing}</div>
      <section class="list-section" aria-labelledby="list-title">
        <h3 id="list-title" tabindex="-1">${t.listTitle}</h3>
        <div role="alert" part="error form-error" class="form-error">${this.listError?.(this.t) ?? nothing}</div>
        ${this.#renderList()}
      </section>
      ${deleteDialog({
        t: this.t,
        dialog: this.#delete,
        error: this.#delete.error === undefined ? undefined : this.#describeDeleteError(this.#delete.error),
      })}
    `;
  }

  #renderList(): unknown {
    const t = this.t.documents;
    // `form-error` was the old part of the load error's text, kept for one release.
    const words = {
      loading: t.loadingList,
      retry: t.retry,
      describe: (error: unknown) => describeError(this.t, error),
      errorParts: 'form-error',
    };
    return this.#documents.render(words, (items) =>
      documentList({
        t: this.t,
        lang: this.locale,
        items,
        downloading: this.downloading,
        onDownload: this.#onDownload,
        onDelete: (document, event) => void this.#delete.show(document, event),
      }),
    );
  }

  #onUpload = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const file = this.file;
    const kind = this.kind as DocumentKind | '';
    this.kindMissing = !kind;
    this.fileMissing = !file;
    this.status = undefined;
    if (!kind || !file) {
      await this.focusAfterUpdate(!kind ? '#kind-input' : 'button[part~="choose-file-button"]');
      return;
    }
    this.status = (t) => t.documents.uploadStarted(file.name);
    const pending = this.#upload.upload(kind, file);
    // The button pressed is replaced by the progress bar; the way to stop it is the next thing to reach.
    await this.focusAfterUpdate('button[part~="cancel-upload-button"]');

    const { document, aborted } = await pending;
    if (document) {
      this.#documents.add(document);
      this.kind = '';
      this.file = null;
      this.status = (t) => t.documents.uploaded(t.domain.documentKinds[document.kind], document.fileName);
      this.emit('oz-document-uploaded', { document });
    } else {
      this.status = aborted ? (t) => t.documents.uploadCancelled : undefined;
    }
    await this.focusAfterUpdate('button[part~="upload-button"]');
  };

  #onDownload = async (document: MedicalDocument): Promise<void> => {
    this.listError = undefined;
    this.downloading = new Set(this.downloading).add(document.id);
    try {
      const blob = await this.client.documentContent(document.id, this.#downloads.signal);
      saveBlob(blob, document.fileName, this.renderRoot);
    } catch (error) {
      if (!this.#downloads.signal.aborted) {
        this.listError = (t) => `${t.documents.downloadFailed(document.fileName)} ${describeError(t, error)}`;
      }
    } finally {
      const downloading = new Set(this.downloading);
      downloading.delete(document.id);
      this.downloading = downloading;
    }
  };

  async #deleteDocument(document: MedicalDocument): Promise<void> {
    try {
      await this.client.deleteDocument(document.id);
    } catch (error) {
      // Attached meanwhile (e.g. in another tab): a fresh list shows why, with no delete button.
      if (error instanceof ApiError && error.code === 'conflict') this.#documents.refresh();
      throw error;
    }
    this.#documents.remove(document.id);
    this.status = (t) => t.documents.deleted(document.fileName);
    this.emit('oz-document-deleted', { documentId: document.id });
  }

  #describeDeleteError(error: unknown): string {
    if (error instanceof ApiError && error.code === 'conflict') return this.t.documents.deleteRefused;
    return describeError(this.t, error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-documents': OzDocuments;
  }
}
