import type { Application, Center, Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';
import { centerName, formatWhen } from './arrange.ts';

/** What the person is asked to confirm. */
export type PendingAction =
  | { kind: 'cancel'; consultation: Consultation }
  | { kind: 'withdraw'; application: Application };

export interface ConfirmDialogOptions {
  t: Translation;
  locale: Lang;
  centers: readonly Center[];
  /** What is asked about (its `subject`), the request, its error and where focus goes back to. */
  dialog: ConfirmDialogController<PendingAction>;
}

/**
 * A real modal <dialog> (the page behind is inert, Escape closes it) asking before a consultation
 * is cancelled or an application withdrawn; the least harmful answer gets the focus first.
 */
export function renderConfirmDialog(options: ConfirmDialogOptions): TemplateResult {
  const { t, dialog } = options;
  const { subject: action, pending } = dialog;
  const c = t.consultations;
  return html`
    <dialog
      part="dialog cancel-dialog"
      class="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-text"
      @cancel=${dialog.onCancel}
      @close=${dialog.onClose}
    >
      ${action
        ? html`
            <form novalidate @submit=${dialog.confirm}>
              <h2 id="dialog-title">${action.kind === 'cancel' ? c.confirmCancelTitle : c.confirmWithdrawTitle}</h2>
              <p id="dialog-text">${question(options, action)}</p>
              ${action.kind === 'cancel'
                ? html`
                    <div class="field">
                      <label for="reason-input" part="label">
                        ${c.reasonLabel} <span class="optional">(${t.common.optional})</span>
                      </label>
                      <textarea id="reason-input" name="reason" part="textarea" rows="3" maxlength="1000" autofocus></textarea>
                    </div>
                  `
                : nothing}
              <div role="alert" part="error" class="form-error">${dialog.error === undefined ? nothing : describeError(t, dialog.error)}</div>
              <div class="actions">
                <button type="submit" part="button confirm-button" class="danger" ?disabled=${pending}>
                  ${pending ? c.sending : action.kind === 'cancel' ? c.confirmCancel : c.confirmWithdraw}
                </button>
                <button
                  type="button"
                  part="button keep-button"
                  ?autofocus=${action.kind === 'withdraw'}
                  ?disabled=${pending}
                  @click=${dialog.keep}
                >
                  ${action.kind === 'cancel' ? c.keepConsultation : c.keepApplication}
                </button>
              </div>
            </form>
          `
        : nothing}
    </dialog>
  `;
}

function question(options: ConfirmDialogOptions, action: PendingAction): string {
  const c = options.t.consultations;
  if (action.kind === 'cancel') {
    return c.confirmCancelText(formatWhen(options.locale, action.consultation.startsAt), action.consultation.doctorName);
  }
  return c.confirmWithdrawText(centerName(options.centers, action.application.centerId, options.locale));
}
