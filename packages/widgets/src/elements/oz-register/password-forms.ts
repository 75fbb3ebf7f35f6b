import type { ChangePasswordResponse, DeleteAccountRequest, FieldError } from '@oz/contracts';
import { FormSubmit } from '../../controllers/form-submit.ts';
// Types only: account-forms.ts itself is the signed-out part's, never in this chunk.
import type { FormDeps } from './account-forms.ts';

/** The password forms of a signed-in user of <oz-register> (its signed-in part): a new password, and «Удалить аккаунт». */

export interface PasswordInput {
  /** Absent on the forced screen after a one-time password: that sign-in proved it (the API agrees). */
  currentPassword?: string | undefined;
  newPassword: string;
  repeatPassword: string;
  /** Only on the forced screen of a patient who has not consented yet (imported by referral). */
  consent?: boolean | undefined;
}

export function passwordForm({ host, client, checks, onSuccess }: FormDeps<ChangePasswordResponse>) {
  return new FormSubmit<PasswordInput, ChangePasswordResponse>(host, {
    fields: ['currentPassword', 'newPassword', 'repeatPassword', 'consent'],
    precheck: async ({ currentPassword, newPassword, repeatPassword, consent }) => {
      const errors: FieldError[] = await checks((loaded) => loaded.ChangePasswordRequest, {
        ...(currentPassword === undefined ? {} : { currentPassword }),
        newPassword,
      });
      // The repeat field is the form's own safeguard; the API never sees it.
      if (!errors.some((e) => e.field === 'newPassword') && repeatPassword !== newPassword) {
        errors.push({ field: 'repeatPassword', code: 'password_mismatch', message: 'The passwords do not match' });
      }
      if (consent === false) errors.push({ field: 'consent', code: 'consent_required', message: 'Consent is required' });
      return errors;
    },
    send: ({ currentPassword, newPassword, consent }, signal) =>
      client().changePassword(
        {
          ...(currentPassword === undefined ? {} : { currentPassword }),
          newPassword,
          ...(consent === undefined ? {} : { consent }),
        },
        signal,
      ),
    onSuccess,
    // A wrong current password is the current-password field's problem, not the whole form's.
    fieldErrorsOf: (error) =>
      error.code === 'invalid_credentials' ? [{ field: 'currentPassword', code: 'invalid', message: error.message }] : [],
  });
}

/**
 * «Удалить аккаунт»: the password, pre-checked with the contract; a wrong one lands on its field.
 * Made here, not in the dialog's chunk (account-erasure.ts): when that chunk, loaded from this
 * element's chunk, reached oz.js's API errors itself, the bundler split them out of oz.js into a
 * file of their own, one more round trip on every page.
 */
export function deleteAccountForm({ host, client, checks, onSuccess }: FormDeps<void>) {
  return new FormSubmit<DeleteAccountRequest, void>(host, {
    fields: ['password'],
    precheck: (input) => checks((loaded) => loaded.DeleteAccountRequest, input),
    send: (input, signal) => client().deleteAccount(input, signal),
    onSuccess,
  });
}

export function readPasswordChange(event: SubmitEvent): PasswordInput {
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const asks = (name: string) => form.elements.namedItem(name) !== null;
  return {
    currentPassword: asks('currentPassword') ? text('currentPassword') : undefined,
    newPassword: text('newPassword'),
    repeatPassword: text('repeatPassword'),
    consent: asks('consent') ? text('consent') !== '' : undefined,
  };
}
