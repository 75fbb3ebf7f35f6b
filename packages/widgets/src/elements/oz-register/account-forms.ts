import type { AuthResponse, ChangePasswordResponse, ConfirmPhoneResponse, DeleteAccountRequest, FieldError, LoginRequest, PhoneCodeRequest, RegisterRequest } from '@oz/contracts';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import type { LazyChecksController } from '../../controllers/lazy-checks.ts';
import type { ContractChecks } from '../../internal/contracts.ts';
import { precheck } from '../../internal/precheck.ts';
import { birthDateToIso } from './birth-date.ts';

/** The forms of <oz-register>: what each sends, how it is pre-checked, where errors go. */

export type RegisterInput = Omit<RegisterRequest, 'email'> & { email: string };

export interface ResetInput {
  phone: string;
  code: string;
  newPassword: string;
  /** Only when the API asked for it: a patient imported by referral who has not consented yet. */
  consent?: boolean | undefined;
}

export interface PasswordInput {
  /** Absent on the forced screen after a one-time password: that sign-in proved it (the API agrees). */
  currentPassword?: string | undefined;
  newPassword: string;
  repeatPassword: string;
  /** Only on the forced screen of a patient who has not consented yet (imported by referral). */
  consent?: boolean | undefined;
}

interface FormDeps<Result> {
  host: ReactiveElement;
  /** Read at submit time: the element's API origin may change after it was created. */
  client: () => ApiClient;
  checks: LazyChecksController<ContractChecks>;
  onSuccess: (result: Result) => void | Promise<void>;
}

export function signInForm({ host, client, checks, onSuccess }: FormDeps<AuthResponse>) {
  return new FormSubmit<LoginRequest, AuthResponse>(host, {
    fields: ['phone', 'password'],
    precheck: (input) => checks.check((loaded) => precheck(loaded, loaded.LoginRequest, input)),
    send: (input, signal) => client().login(input, signal),
    onSuccess,
  });
}

/** «Получить код»: the phone, pre-checked, then `send` (the step's PhoneCodeController). */
export function phoneCodeForm({
  host,
  checks,
  purpose,
  send,
  onSuccess,
}: Omit<FormDeps<void>, 'client'> & {
  /** Left out where the phone is the signed-in account's own (nothing typed to check). */
  purpose?: PhoneCodeRequest['purpose'];
  send: (phone: string) => Promise<void>;
}) {
  return new FormSubmit<{ phone: string }, void>(host, {
    fields: ['phone'],
    precheck: ({ phone }) => (purpose ? checks.check((loaded) => precheck(loaded, loaded.PhoneCodeRequest, { phone, purpose })) : []),
    send: ({ phone }) => send(phone),
    onSuccess,
    fieldErrorsOf: (error) =>
      error.code === 'phone_taken' ? [{ field: 'phone', code: 'taken', message: error.message }] : [],
  });
}

export function resetForm({ host, client, checks, onSuccess }: FormDeps<AuthResponse>) {
  return new FormSubmit<ResetInput, AuthResponse>(host, {
    fields: ['code', 'newPassword', 'consent'],
    precheck: (input) => checks.check((loaded) => precheck(loaded, loaded.ResetPasswordRequest, input)),
    send: (input, signal) => client().resetPassword(input, signal),
    onSuccess,
  });
}

export function confirmPhoneForm({ host, client, checks, onSuccess }: FormDeps<ConfirmPhoneResponse>) {
  return new FormSubmit<{ code: string }, ConfirmPhoneResponse>(host, {
    fields: ['code'],
    precheck: (input) => checks.check((loaded) => precheck(loaded, loaded.ConfirmPhoneRequest, input)),
    send: (input, signal) => client().confirmPhone(input, signal),
    onSuccess,
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
    precheck: (input) => checks.check((loaded) => precheck(loaded, loaded.DeleteAccountRequest, input)),
    send: (input, signal) => client().deleteAccount(input, signal),
    onSuccess,
  });
}

export function registerForm({ host, client, checks, onSuccess }: FormDeps<AuthResponse>) {
  return new FormSubmit<RegisterInput, AuthResponse>(host, {
    fields: ['fullName', 'birthDate', 'phone', 'email', 'password', 'code', 'consent'],
    precheck: (input) => checks.check((loaded) => precheck(loaded, loaded.RegisterRequest, input)),
    send: (input, signal) => client().register(input, signal),
    onSuccess,
    fieldErrorsOf: (error) =>
      error.code === 'phone_taken' ? [{ field: 'phone', code: 'taken', message: error.message }] : [],
  });
}

export function passwordForm({ host, client, checks, onSuccess }: FormDeps<ChangePasswordResponse>) {
  return new FormSubmit<PasswordInput, ChangePasswordResponse>(host, {
    fields: ['currentPassword', 'newPassword', 'repeatPassword', 'consent'],
    precheck: async ({ currentPassword, newPassword, repeatPassword, consent }) => {
      const errors: FieldError[] = await checks.check((loaded) =>
        precheck(loaded, loaded.ChangePasswordRequest, { ...(currentPassword === undefined ? {} : { currentPassword }), newPassword }),
      );
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

/** Reads what a person typed into a submitted form. */
function formText(event: SubmitEvent): (name: string) => string {
  const data = new FormData(event.target as HTMLFormElement);
  return (name) => String(data.get(name) ?? '');
}

export function readSignIn(event: SubmitEvent): LoginRequest {
  const text = formText(event);
  return { phone: text('phone'), password: text('password') };
}

/** The phone comes from the code step before: the code proves that number. */
export function readRegistration(event: SubmitEvent, phone: string): RegisterInput {
  const text = formText(event);
  return {
    fullName: text('fullName'),
    birthDate: birthDateToIso(text('birthDate')),
    phone,
    email: text('email'),
    password: text('password'),
    code: text('code'),
    consent: text('consent') !== '',
  };
}

export function readPhone(event: SubmitEvent): { phone: string } {
  return { phone: formText(event)('phone') };
}

export function readCode(event: SubmitEvent): { code: string } {
  return { code: formText(event)('code') };
}

export function readReset(event: SubmitEvent, phone: string): ResetInput {
  const text = formText(event);
  const asksConsent = (event.target as HTMLFormElement).elements.namedItem('consent') !== null;
  return { phone, code: text('code'), newPassword: text('newPassword'), ...(asksConsent ? { consent: text('consent') !== '' } : {}) };
}

export function readPasswordChange(event: SubmitEvent): PasswordInput {
  const text = formText(event);
  const form = event.target as HTMLFormElement;
  const asksConsent = form.elements.namedItem('consent') !== null;
  const asksCurrent = form.elements.namedItem('currentPassword') !== null;
  return {
    currentPassword: asksCurrent ? text('currentPassword') : undefined,
    newPassword: text('newPassword'),
    repeatPassword: text('repeatPassword'),
    consent: asksConsent ? text('consent') !== '' : undefined,
  };
}
