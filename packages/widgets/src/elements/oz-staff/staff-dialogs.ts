import type { Center, StaffMember } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../api/errors.ts';
import type { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { Lang, Translation } from '../../i18n/index.ts';
import { formAlert } from '../../internal/fields.ts';
import { centerField, dutyField, nameField } from './staff-fields.ts';
import { describeStaffField, describeStaffProblem, displayPhone } from './staff-words.ts';

/**
 * The three modal <dialog>s of <oz-staff>: the browser keeps focus inside, makes the page behind
 * inert and closes them on Escape; ConfirmDialogController gives focus back to the row's button.
 * A refusal (e.g. 409 own_account) keeps the dialog open and says why.
 */
export interface StaffDialogView {
  t: Translation;
  lang: Lang;
  dialog: ConfirmDialogController<StaffMember>;
}

/**
 * The confirm and keep buttons. Where nothing is typed first, the harmless answer has focus when
 * the dialog opens (`autofocus`), so a stray Enter changes nothing.
 */
function actions(
  dialog: ConfirmDialogController<StaffMember>,
  words: { confirm: string; pending: string; keep: string },
  part: string,
  { danger = false, keepFocused = true } = {},
): TemplateResult {
  return html`
    <div class="actions">
      <button type="submit" class=${danger ? 'danger-filled' : 'primary'} part="button confirm-button ${part}" aria-disabled=${dialog.pending ? 'true' : 'false'}>
        ${dialog.pending ? words.pending : words.confirm}
      </button>
      <button type="button" part="button keep-button" ?autofocus=${keepFocused} @click=${dialog.keep}>${words.keep}</button>
    </div>
  `;
}

/** The problem of a failed action, next to its field when it is one of the dialog's, else in the alert. */
function problems(t: Translation, error: unknown, fields: readonly string[]) {
  const own = error instanceof ApiError ? error.fields.find((field) => fields.includes(field.field)) : undefined;
  return {
    errorOf: (field: string) => (own && own.field === field ? describeStaffField(t, own) : undefined),
    alert: error === undefined || own ? undefined : describeStaffProblem(t, error),
  };
}

/** «Изменить»: the name for everyone; a doctor's center and duty flag. */
export function editDialog(view: StaffDialogView & { centers: readonly Center[] }): TemplateResult {
  const { t, lang, dialog } = view;
  const member = dialog.subject;
  const s = t.staff;
  const { errorOf, alert } = problems(t, dialog.error, ['fullName', 'centerId']);
  const fields = { t, lang, prefix: 'edit' as const, errorOf };
  return html`
    <dialog part="dialog edit-dialog" class="dialog" aria-labelledby="edit-title" @close=${dialog.onClose} @cancel=${dialog.onCancel}>
      ${member
        ? html`
            <form part="form edit-form" novalidate @submit=${dialog.confirm}>
              <h3 id="edit-title">${s.editTitle(member.fullName)}</h3>
              ${nameField(fields, member.fullName)}
              ${member.role === 'doctor' ? html`${centerField(fields, view.centers, member.centerId)} ${dutyField(fields, member.isDutyDoctor)}` : nothing}
              ${formAlert(alert)}
              ${actions(dialog, { confirm: s.save, pending: s.saving, keep: t.common.cancel }, 'save-button', { keepFocused: false })}
            </form>
          `
        : nothing}
    </dialog>
  `;
}

/** «Отключить»: every session ends at once; a doctor's open consultations are shown after. */
export function disableDialog({ t, dialog }: StaffDialogView): TemplateResult {
  const member = dialog.subject;
  const s = t.staff;
  return html`
    <dialog part="dialog disable-dialog" class="dialog" aria-labelledby="disable-title" aria-describedby="disable-text" @close=${dialog.onClose} @cancel=${dialog.onCancel}>
      ${member
        ? html`
            <form part="form disable-form" novalidate @submit=${dialog.confirm}>
              <h3 id="disable-title">${s.disableTitle(member.fullName)}</h3>
              <p id="disable-text">${s.disableText}</p>
              ${formAlert(dialog.error === undefined ? undefined : describeStaffProblem(t, dialog.error))}
              ${actions(dialog, { confirm: s.disableConfirm, pending: s.disabling, keep: s.disableKeep }, 'confirm-disable-button', { danger: true })}
            </form>
          `
        : nothing}
    </dialog>
  `;
}

/** «Новый пароль по СМС»: the old password and every session stop working. */
export function passwordDialog({ t, dialog }: StaffDialogView): TemplateResult {
  const member = dialog.subject;
  const s = t.staff;
  return html`
    <dialog part="dialog password-dialog" class="dialog" aria-labelledby="password-title" aria-describedby="password-text" @close=${dialog.onClose} @cancel=${dialog.onCancel}>
      ${member
        ? html`
            <form part="form password-form" novalidate @submit=${dialog.confirm}>
              <h3 id="password-title">${s.passwordTitle(member.fullName)}</h3>
              <p id="password-text">${s.passwordText(displayPhone(member.phone))}</p>
              ${formAlert(dialog.error === undefined ? undefined : describeStaffProblem(t, dialog.error))}
              ${actions(dialog, { confirm: s.passwordConfirm, pending: s.sendingPassword, keep: s.passwordKeep }, 'confirm-password-button')}
            </form>
          `
        : nothing}
    </dialog>
  `;
}
