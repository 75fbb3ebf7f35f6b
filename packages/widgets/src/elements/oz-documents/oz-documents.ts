import { html, type TemplateResult } from 'lit';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { SignedInPart } from '../../internal/signed-in-part.ts';
import type { DocumentsView } from './documents-signed-in.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { styles } from './oz-documents.styles.ts';
import { uploadStyles } from './upload.styles.ts';
import { strings } from './strings.ts';

/**
 * @summary The patient's medical documents (медицинские документы) in the personal account:
 * upload with a progress bar (a file, or on phones a photo from the camera), the list with kind,
 * file name, date and size, download, and delete after a confirmation; and, on request, «Кто
 * смотрел мои документы»: which doctors and program staff opened the patient's documents,
 * applications, conclusions and chats, or changed their status, newest first. Signed-out visitors
 * see a prompt to sign in.
 *
 * @event oz-document-uploaded - A document was uploaded here. `detail: { document }`.
 * @event oz-document-deleted - A document was deleted here. `detail: { documentId }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The upload form (also `upload-form`).
 * @csspart upload-form - The upload form (also `form`).
 * @csspart field - Each field (also `kind-field`, `file-field`).
 * @csspart kind-field - The document kind.
 * @csspart file-field - The file to upload.
 * @csspart label - A field's label.
 * @csspart select - The document kind list.
 * @csspart hint - Help text under a label.
 * @csspart pickers - The row of file buttons.
 * @csspart file-status - Which file is chosen.
 * @csspart upload-progress - The progress block while a file goes out.
 * @csspart progress-bar - The `<progress>` element; `progress-text` is the percentage beside it.
 * @csspart progress-text - The percentage beside the bar.
 * @csspart button - Every button; also `choose-file-button`, `camera-button`, `upload-button`,
 *   `submit`, `cancel-upload-button`, `download-button`, `delete-button`, `keep-button`,
 *   `confirm-button` (the delete in the dialog; also `confirm-delete-button`, its old name, for one
 *   release), `retry-button`, `who-looked-button` (shows or hides who looked), `load-more` (more of
 *   who looked).
 * @csspart retry-button - Tries a failed load again.
 * @csspart choose-file-button - «Выбрать файл».
 * @csspart camera-button - A photo from the camera (phones).
 * @csspart upload-button - The upload form's «Загрузить» (also `submit`).
 * @csspart submit - Uploads the chosen file (also `upload-button`).
 * @csspart cancel-upload-button - Stops an upload under way.
 * @csspart download-button - Saves a document to the device.
 * @csspart delete-button - Deletes a document (asks first).
 * @csspart keep-button - Closes the delete dialog and keeps the document.
 * @csspart confirm-button - The delete in the dialog (also `confirm-delete-button`).
 * @csspart confirm-delete-button - The old name of `confirm-button` in the delete dialog, for one release.
 * @csspart who-looked-button - Shows or hides who looked.
 * @csspart list - The list of documents; `document` is each card.
 * @csspart document - Each document card.
 * @csspart document-kind - A card's kind; `file-name`, `meta` (date and size) and `in-use` (attached
 *   to an open application) follow it.
 * @csspart file-name - A card's file name.
 * @csspart meta - A card's date and size.
 * @csspart in-use - The note that a document is attached to an open application.
 * @csspart empty - "No documents yet".
 * @csspart who-looked - The «Кто смотрел мои документы» section; `hint` its explanation.
 * @csspart who-looked-list - Who looked, newest first; `who-looked-entry` each entry, `when` its time.
 * @csspart who-looked-entry - Each entry of who looked.
 * @csspart when - An entry's time.
 * @csspart who-looked-empty - "Nobody but you has opened your documents yet".
 * @csspart load-more-area - The end of who looked: `load-more` button, `load-more-error` when the next page failed.
 * @csspart load-more - «Показать ещё»: the next page of the list.
 * @csspart load-more-error - Why the next page did not come.
 * @csspart loading - "Загружаем список документов…" while the list loads (and the like while who looked loads).
 * @csspart load-error - Why the list could not be loaded (its `error` text) and the `retry-button`;
 *   the text also carries `form-error`, its old name, for one release.
 * @csspart dialog - The delete confirmation (also `delete-dialog`).
 * @csspart delete-dialog - The delete confirmation (also `dialog`).
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for a whole action.
 * @csspart field-error - The error next to a field.
 * @csspart form-error - The error of a whole action (also on a failed list load, its old name there, for one release).
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

  static override styles = [OzElement.styles, uploadStyles, loadMoreStyles, styles];

  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.documents.restoring, signInPrompt: t.documents.signInPrompt, otherRole: t.documents.patientsOnly }),
  });

  /** Upload, the list and everything a signed-in patient sees here, in a chunk of its own (see SignedInPart). */
  readonly #part = new SignedInPart<DocumentsView>(this, this.#gate, () =>
    import('./documents-signed-in.ts').then((module) => new module.DocumentsView(this.viewHost({}))),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.#part.view?.connected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#part.view?.disconnected();
  }

  protected override userChanged(): void {
    this.#part.view?.reset();
  }

  override render(): TemplateResult {
    const d = this.t.documents;
    const words = { loading: d.loadingList, retry: d.retry, describe: (error: unknown) => describeError(this.t, error) };
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${d.title}</h2>
        ${this.#gate.render() ?? this.#part.render(words, (view) => view.render(), () => this.requestUpdate())}
      </div>
    `;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'oz-documents': OzDocuments;
  }
}
