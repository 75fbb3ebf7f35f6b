import type { Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { describedBy, fieldError, formAlert } from '../../internal/fields.ts';
import { submitButton } from './desk-parts.ts';

export interface CancelDialogProps {
  t: Translation;
  /** Opens, confirms and closes it; its subject is the consultation, and it is empty without one. */
  dialog: ConfirmDialogController<Consultation>;
  when: string;
  form: FormState;
  fieldText: (form: FormState, field: string) => string | undefined;
  formText: (form: FormState) => string | undefined;
}

/**
 * The confirmation before cancelling. A native modal <dialog>: the browser keeps focus inside,
 * makes the page behind inert and closes it on Escape.
 */
export function renderCancelDialog(props: CancelDialogProps): TemplateResult {
  const { t, dialog, form } = props;
  const consultation = dialog.subject;
  const desk = t.doctorDesk;
  const error = props.fieldText(form, 'reason');
  return html`
    <dialog part="dialog cancel-dialog" class="dialog" aria-labelledby="cancel-title" @close=${dialog.onClose} @cancel=${dialog.onCancel}>
      ${consultation
        ? html`
            <form part="form cancel-form" class="form" novalidate @submit=${dialog.confirm}>
              <h3 id="cancel-title">${desk.cancelTitle}</h3>
              <p>${desk.cancelText(consultation.patientName, props.when)}</p>
              <div class="field" part="field reason-field">
                <label for="cancel-reason-input" part="label">
                  ${desk.cancelReason} <span class="optional">(${t.common.optional})</span>
                </label>
                <span class="hint" part="hint" id="cancel-reason-hint">${desk.cancelReasonHint}</span>
                <textarea
                  part="input textarea"
                  id="cancel-reason-input"
                  name="reason"
                  rows="3"
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${ifDefined(describedBy(error && 'cancel-reason-error', 'cancel-reason-hint'))}
                ></textarea>
                ${fieldError('cancel-reason-error', error)}
              </div>
              ${formAlert(props.formText(form))}
              <div class="actions">
                ${submitButton(form, desk.cancelConfirm, desk.sending, 'confirm-cancel-button')}
                <button type="button" part="button keep-button" @click=${dialog.keep}>${desk.cancelKeep}</button>
              </div>
            </form>
          `
        : nothing}
    </dialog>
  `;
}
