import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';

export interface EndDialogContext {
  t: Translation;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onKeep: () => void;
  /** The dialog closed (Escape or a button): focus goes back to the end button. */
  onClose: () => void;
}

/**
 * The doctor's confirmation before ending the call for both: a real modal <dialog> (the page
 * behind is inert, Escape closes it); "continue" — the harmless answer — has the focus first.
 */
export function renderEndDialog(ctx: EndDialogContext): TemplateResult {
  const v = ctx.t.videoRoom;
  return html`
    <dialog part="dialog end-dialog" class="dialog" aria-labelledby="end-title" aria-describedby="end-text" @close=${ctx.onClose}>
      <h3 id="end-title">${v.endTitle}</h3>
      <p id="end-text">${v.endText}</p>
      <div role="alert" part="error" class="form-error">${ctx.error === undefined ? nothing : describeError(ctx.t, ctx.error)}</div>
      <div class="dialog-actions">
        <button type="button" part="button confirm-end-button" class="danger" ?disabled=${ctx.pending} @click=${ctx.onConfirm}>
          ${ctx.pending ? v.ending : v.endConfirm}
        </button>
        <button type="button" part="button keep-button" autofocus ?disabled=${ctx.pending} @click=${ctx.onKeep}>${v.endKeep}</button>
      </div>
    </dialog>
  `;
}
