import type { MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { Translation } from '../../i18n/index.ts';
import { formAlert } from '../../internal/fields.ts';

export interface DeleteDialogView {
  t: Translation;
  /** Which document it asks about, the request and where focus goes back to. */
  dialog: ConfirmDialogController<MedicalDocument>;
  /** Why the delete failed, in words. */
  error: string | undefined;
}

/**
 * The "are you sure" step before a delete, as a real modal <dialog>: the browser keeps focus
 * inside it, makes the page behind inert and closes it on Escape. The safe answer has focus first.
 */
export function deleteDialog(view: DeleteDialogView): TemplateResult {
  const { t, dialog } = view;
  const document = dialog.subject;
  const d = t.documents;
  return html`
    <dialog
      part="dialog delete-dialog"
      class="dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
      @cancel=${dialog.onCancel}
      @close=${dialog.onClose}
    >
      <h3 id="delete-title">${d.confirmTitle}</h3>
      <p id="delete-text">
        ${document ? d.confirmText(t.domain.documentKinds[document.kind], document.fileName) : nothing}
      </p>
      ${formAlert(view.error)}
      <div class="actions">
        <button type="button" part="button keep-button" autofocus @click=${dialog.keep}>${d.keep}</button>
        <button
          type="button"
          class="danger-filled"
          part="button confirm-button confirm-delete-button"
          aria-disabled=${dialog.pending ? 'true' : 'false'}
          @click=${() => void dialog.confirm()}
        >
          ${dialog.pending ? d.deleting : d.confirmDelete}
        </button>
      </div>
    </dialog>
  `;
}
