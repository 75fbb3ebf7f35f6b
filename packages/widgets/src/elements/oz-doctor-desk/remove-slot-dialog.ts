import type { DutySlot } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { formAlert } from '../../internal/fields.ts';
import { submitButton } from './desk-parts.ts';

export interface RemoveSlotDialogProps {
  t: Translation;
  /** The slot being removed; the dialog is empty (and closed) without one. */
  slot: DutySlot | null;
  /** "вторник, 3 марта 2026 г., 10:00–10:20". */
  when: string;
  form: FormState;
  formText: string | undefined;
  onSubmit: (event: SubmitEvent) => void;
  onKeep: () => void;
  onClose: () => void;
}

/**
 * The confirmation before removing a free slot. A native modal <dialog>: the browser keeps focus
 * inside, makes the page behind inert and closes it on Escape.
 */
export function renderRemoveSlotDialog(props: RemoveSlotDialogProps): TemplateResult {
  const { t, slot, form } = props;
  const desk = t.doctorDesk;
  return html`
    <dialog part="dialog remove-slot-dialog" class="dialog remove-slot-dialog" aria-labelledby="remove-slot-title" @close=${props.onClose}>
      ${slot
        ? html`
            <form part="form remove-slot-form" class="form" novalidate @submit=${props.onSubmit}>
              <h3 id="remove-slot-title">${desk.removeTitle}</h3>
              <p>${desk.removeText(props.when)}</p>
              ${formAlert(props.formText)}
              <div class="actions">
                ${submitButton(form, desk.removeConfirm, desk.sending, 'confirm-remove-button')}
                <button type="button" part="button keep-slot-button" autofocus @click=${props.onKeep}>${desk.removeKeep}</button>
              </div>
            </form>
          `
        : nothing}
    </dialog>
  `;
}
