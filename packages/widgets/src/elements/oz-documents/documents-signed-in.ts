import type { DocumentKind, MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../api/errors.ts';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { viewState } from '../../internal/view-state.ts';
import { deleteDialog } from './delete-dialog.ts';
import { documentList } from './document-list.ts';
import { DocumentUpload } from './document-upload.ts';
import { PatientDocuments } from './patient-documents.ts';
import { saveBlob } from './save-blob.ts';
import { uploadForm } from './upload-form.ts';
import { describeUploadError } from './upload-parts.ts';
import { WhoLooked } from './who-looked.ts';

type Words = (t: Translation) => string;

/** <oz-documents>'s view needs nothing of it besides the common part. */
export type DocumentsHost = ViewHost;

interface DocumentsState {
  kind: string;
  file: File | null;
  /** Set when the person pressed "upload" without choosing. */
  kindMissing: boolean;
  fileMissing: boolean;
  status: Words | undefined;
  downloading: ReadonlySet<string>;
  listError: Words | undefined;
}

const EMPTY: Omit<DocumentsState, 'downloading'> = {
  kind: '',
  file: null,
  kindMissing: false,
  fileMissing: false,
  status: undefined,
  listError: undefined,
};

/**
 * The signed-in patient's side of <oz-documents> (a chunk a visitor who is not signed in never
 * downloads): upload, the list, download and delete, and who else looked at the patient's data.
 */
export class DocumentsView {
  readonly #host: DocumentsHost;
  readonly #state: DocumentsState;
  readonly #documents: PatientDocuments;
  readonly #upload: DocumentUpload;
  /** Aborts downloads still running when the element leaves the page. */
  #downloads = new AbortController();
  /** "Delete this document?"; after a delete its card is gone, so focus goes to the list heading. */
  readonly #delete: ConfirmDialogController<MedicalDocument>;
  /** «Кто смотрел мои документы», loaded when the patient opens it. */
  readonly #whoLooked: WhoLooked;

  constructor(host: DocumentsHost) {
    this.#host = host;
    const element = host.element;
    this.#state = viewState<DocumentsState>(element, { ...EMPTY, downloading: new Set() });
    this.#documents = new PatientDocuments(element, { user: () => host.user, client: () => host.client });
    this.#upload = new DocumentUpload(element, () => host.client);
    this.#delete = new ConfirmDialogController<MedicalDocument>(element, {
      selector: 'dialog[part~="delete-dialog"]',
      confirm: (document) => this.#deleteDocument(document),
      fallbackFocus: () => host.focusFirst('#list-title'),
    });
    this.#whoLooked = new WhoLooked(host, () => this.#documents.items);
  }

  connected(): void {
    if (this.#downloads.signal.aborted) this.#downloads = new AbortController();
  }

  disconnected(): void {
    this.#downloads.abort();
  }

  /** Another person signed in, or the patient signed out: nothing of theirs stays. */
  reset(): void {
    this.#upload.cancel();
    this.#upload.clearError();
    Object.assign(this.#state, EMPTY);
    this.#delete.close();
    this.#whoLooked.reset();
  }

  render(): TemplateResult {
    return this.#renderBody();
  }

  #renderBody(): TemplateResult {
    const t = this.#host.t.documents;
    return html`
      <p class="intro">${t.intro}</p>
      ${uploadForm({
        t: this.#host.t,
        lang: this.#host.locale,
        kind: this.#state.kind,
        file: this.#state.file,
        kindError: this.#state.kindMissing ? t.kindRequired : undefined,
        fileError: this.#state.fileMissing ? t.fileRequired : undefined,
        formError: this.#upload.error === undefined ? undefined : describeUploadError(this.#host.t, this.#upload.error),
        upload: this.#upload,
        onKind: (kind) => {
          this.#state.kind = kind;
          this.#state.kindMissing = false;
        },
        onPick: (file) => {
          this.#state.file = file;
          this.#state.fileMissing = false;
          this.#upload.clearError();
        },
        onSubmit: this.#onUpload,
        onCancel: () => this.#upload.cancel(),
      })}
      <div role="status" part="status" class="status">${this.#state.status?.(this.#host.t) ?? nothing}</div>
      <section class="list-section" aria-labelledby="list-title">
        <h3 id="list-title" tabindex="-1">${t.listTitle}</h3>
        <div role="alert" part="error form-error" class="form-error">${this.#state.listError?.(this.#host.t) ?? nothing}</div>
        ${this.#renderList()}
      </section>
      ${this.#whoLooked.render()}
      ${deleteDialog({
        t: this.#host.t,
        dialog: this.#delete,
        error: this.#delete.error === undefined ? undefined : this.#describeDeleteError(this.#delete.error),
      })}
    `;
  }

  #renderList(): unknown {
    const t = this.#host.t.documents;
    // `form-error` was the old part of the load error's text, kept for one release.
    const words = {
      loading: t.loadingList,
      retry: t.retry,
      describe: (error: unknown) => describeError(this.#host.t, error),
      errorParts: 'form-error',
    };
    return this.#documents.render(words, (items) =>
      documentList({
        t: this.#host.t,
        lang: this.#host.locale,
        items,
        downloading: this.#state.downloading,
        onDownload: this.#onDownload,
        onDelete: (document, event) => void this.#delete.show(document, event),
      }),
    );
  }

  #onUpload = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const file = this.#state.file;
    const kind = this.#state.kind as DocumentKind | '';
    this.#state.kindMissing = !kind;
    this.#state.fileMissing = !file;
    this.#state.status = undefined;
    if (!kind || !file) {
      await this.#host.focusAfterUpdate(!kind ? '#kind-input' : 'button[part~="choose-file-button"]');
      return;
    }
    this.#state.status = (t) => t.documents.uploadStarted(file.name);
    const pending = this.#upload.upload(kind, file);
    // The button pressed is replaced by the progress bar; the way to stop it is the next thing to reach.
    await this.#host.focusAfterUpdate('button[part~="cancel-upload-button"]');

    const { document, aborted } = await pending;
    if (document) {
      this.#documents.add(document);
      this.#state.kind = '';
      this.#state.file = null;
      this.#state.status = (t) => t.documents.uploaded(t.domain.documentKinds[document.kind], document.fileName);
      this.#host.emit('oz-document-uploaded', { document });
    } else {
      this.#state.status = aborted ? (t) => t.documents.uploadCancelled : undefined;
    }
    await this.#host.focusAfterUpdate('button[part~="upload-button"]');
  };

  #onDownload = async (document: MedicalDocument): Promise<void> => {
    this.#state.listError = undefined;
    this.#state.downloading = new Set(this.#state.downloading).add(document.id);
    try {
      const blob = await this.#host.client.documentContent(document.id, this.#downloads.signal);
      saveBlob(blob, document.fileName, this.#host.element.renderRoot);
    } catch (error) {
      if (!this.#downloads.signal.aborted) {
        this.#state.listError = (t) => `${t.documents.downloadFailed(document.fileName)} ${describeError(t, error)}`;
      }
    } finally {
      const downloading = new Set(this.#state.downloading);
      downloading.delete(document.id);
      this.#state.downloading = downloading;
    }
  };

  async #deleteDocument(document: MedicalDocument): Promise<void> {
    try {
      await this.#host.client.deleteDocument(document.id);
    } catch (error) {
      // Attached meanwhile (e.g. in another tab): a fresh list shows why, with no delete button.
      if (error instanceof ApiError && error.code === 'conflict') this.#documents.refresh();
      throw error;
    }
    this.#documents.remove(document.id);
    this.#state.status = (t) => t.documents.deleted(document.fileName);
    this.#host.emit('oz-document-deleted', { documentId: document.id });
  }

  #describeDeleteError(error: unknown): string {
    if (error instanceof ApiError && error.code === 'conflict') return this.#host.t.documents.deleteRefused;
    return describeError(this.#host.t, error);
  }
}
