import type { DutySlot } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import type { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { formAlert } from '../../internal/fields.ts';
import { submitButton } from './desk-parts.ts';

export interface RemoveSlotDialogProps {
  t: Translation;
  /** Opens, confirms and closes it; its subject is the slot, and it is empty without one. */
  dialog: ConfirmDialogController<DutySlot>;
  /** "вторник, 3 марта 2026 г., 10:00–10:20". */
  when: string;
  form: FormState;
  formText: string | undefined;
  /** The harmless answer, which gets focus back when a refusal re-enables the dialog. */
  keepButton: Ref<HTMLButtonElement>;
}

/**
 * The confirmation before removing a free slot. A native modal <dialog>: the browser keeps focus
 * inside, makes the page behind inert and closes it on Escape.
 */
export function renderRemoveSlotDialog(props: RemoveSlotDialogProps): TemplateResult {
  const { t, dialog, form } = props;
  const slot = dialog.subject;
  const desk = t.doctorDesk;
  return html`
    <dialog
      part="dialog remove-slot-dialog"
      class="dialog remove-slot-dialog"
      aria-labelledby="remove-slot-title"
      @close=${dialog.onClose}
      @cancel=${dialog.onCancel}
    >
      ${slot
        ? html`
            <form part="form remove-slot-form" class="form" novalidate @submit=${dialog.confirm}>
              <h3 id="remove-slot-title">${desk.removeTitle}</h3>
              <p>${desk.removeText(props.when)}</p>
              ${formAlert(props.formText)}
              <div class="actions">
                ${submitButton(form, desk.removeConfirm, desk.sending, 'confirm-remove-button')}
                <button type="button" part="button keep-slot-button" autofocus ${ref(props.keepButton)} @click=${dialog.keep}
                  >${desk.removeKeep}</button
                >
              </div>
            </form>
          `
        : nothing}
    </dialog>
  `;
}
