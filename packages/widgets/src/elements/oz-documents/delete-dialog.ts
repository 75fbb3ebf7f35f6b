import type { MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import { formAlert } from '../../internal/fields.ts';

export interface DeleteDialogView {
  t: Translation;
  document: MedicalDocument | null;
  deleting: boolean;
  /** Why the delete failed, in words. */
  error: string | undefined;
  onConfirm: () => void;
  onKeep: () => void;
  /** The dialog closed (buttons, Escape): focus goes back where it came from. */
  onClose: () => void;
}

/**
 * The "are you sure" step before a delete, as a real modal <dialog>: the browser keeps focus
 * inside it, makes the page behind inert and closes it on Escape. The safe answer has focus first.
 */
export function deleteDialog(view: DeleteDialogView): TemplateResult {
  const { t, document } = view;
  const d = t.documents;
  return html`
    <dialog
      part="dialog delete-dialog"
      class="dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
      @cancel=${(event: Event) => view.deleting && event.preventDefault()}
      @close=${view.onClose}
    >
      <h3 id="delete-title">${d.confirmTitle}</h3>
      <p id="delete-text">
        ${document ? d.confirmText(t.domain.documentKinds[document.kind], document.fileName) : nothing}
      </p>
      ${formAlert(view.error)}
      <div class="actions">
        <button type="button" part="button keep-button" autofocus @click=${view.onKeep}>${d.keep}</button>
        <button
          type="button"
          class="danger-filled"
          part="button confirm-delete-button"
          aria-disabled=${view.deleting ? 'true' : 'false'}
          @click=${() => !view.deleting && view.onConfirm()}
        >
          ${view.deleting ? d.deleting : d.confirmDelete}
        </button>
      </div>
    </dialog>
  `;
}
