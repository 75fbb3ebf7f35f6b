import { html, nothing, type TemplateResult } from 'lit';
import type { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';

export interface EndDialogContext {
  t: Translation;
  /** The request, its error and the way back to the end button. */
  dialog: ConfirmDialogController<string>;
}

/**
 * The doctor's confirmation before ending the call for both: a real modal <dialog> (the page
 * behind is inert, Escape closes it); "continue" — the harmless answer — has the focus first.
 */
export function renderEndDialog(ctx: EndDialogContext): TemplateResult {
  const v = ctx.t.videoRoom;
  const { dialog } = ctx;
  return html`
    <dialog
      part="dialog end-dialog"
      class="dialog"
      aria-labelledby="end-title"
      aria-describedby="end-text"
      @cancel=${dialog.onCancel}
      @close=${dialog.onClose}
    >
      <h3 id="end-title">${v.endTitle}</h3>
      <p id="end-text">${v.endText}</p>
      <div role="alert" part="error" class="form-error">${dialog.error === undefined ? nothing : describeError(ctx.t, dialog.error)}</div>
      <div class="dialog-actions">
        <button
          type="button"
          part="button confirm-button confirm-end-button"
          class="danger"
          ?disabled=${dialog.pending}
          @click=${() => void dialog.confirm()}
        >
          ${dialog.pending ? v.ending : v.endConfirm}
        </button>
        <button type="button" part="button keep-button" autofocus ?disabled=${dialog.pending} @click=${dialog.keep}>${v.endKeep}</button>
      </div>
    </dialog>
  `;
}
