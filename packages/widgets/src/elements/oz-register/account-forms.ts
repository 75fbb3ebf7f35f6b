import type { AuthResponse, ConfirmPhoneResponse, LoginRequest, PhoneCodeRequest, RegisterRequest } from '@oz/contracts';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import type { ContractCheck } from './register-host.ts';
import { birthDateToIso } from './birth-date.ts';

/**
 * The forms of <oz-register> up to a usable account (sign in, register, a forgotten password, confirm
 * the phone): what each sends, how it is pre-checked, where errors go. The signed-out part's; the
 * password forms of a signed-in user are in password-forms.ts.
 */

export type RegisterInput = Omit<RegisterRequest, 'email'> & { email: string };

export interface ResetInput {
  phone: string;
  code: string;
  newPassword: string;
  /** Only when the API asked for it: a patient imported by referral who has not consented yet. */
  consent?: boolean | undefined;
}

export interface FormDeps<Result> {
  host: ReactiveElement;
  /** Read at submit time: the element's API origin may change after it was created. */
  client: () => ApiClient;
  /** The contract's pre-check, lent by the element (see RegisterHost.checks). */
  checks: ContractCheck;
  onSuccess: (result: Result) => void | Promise<void>;
}

export function signInForm({ host, client, checks, onSuccess }: FormDeps<AuthResponse>) {
  return new FormSubmit<LoginRequest, AuthResponse>(host, {
    fields: ['phone', 'password'],
    precheck: (input) => checks((loaded) => loaded.LoginRequest, input),
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
    precheck: ({ phone }) => (purpose ? checks((loaded) => loaded.PhoneCodeRequest, { phone, purpose }) : []),
    send: ({ phone }) => send(phone),
    onSuccess,
    fieldErrorsOf: (error) =>
      error.code === 'phone_taken' ? [{ field: 'phone', code: 'taken', message: error.message }] : [],
  });
}

export function resetForm({ host, client, checks, onSuccess }: FormDeps<AuthResponse>) {
  return new FormSubmit<ResetInput, AuthResponse>(host, {
    fields: ['code', 'newPassword', 'consent'],
    precheck: (input) => checks((loaded) => loaded.ResetPasswordRequest, input),
    send: (input, signal) => client().resetPassword(input, signal),
    onSuccess,
  });
}

export function confirmPhoneForm({ host, client, checks, onSuccess }: FormDeps<ConfirmPhoneResponse>) {
  return new FormSubmit<{ code: string }, ConfirmPhoneResponse>(host, {
    fields: ['code'],
    precheck: (input) => checks((loaded) => loaded.ConfirmPhoneRequest, input),
    send: (input, signal) => client().confirmPhone(input, signal),
    onSuccess,
  });
}

export function registerForm({ host, client, checks, onSuccess }: FormDeps<AuthResponse>) {
  return new FormSubmit<RegisterInput, AuthResponse>(host, {
    fields: ['fullName', 'birthDate', 'phone', 'email', 'password', 'code', 'consent'],
    precheck: (input) => checks((loaded) => loaded.RegisterRequest, input),
    send: (input, signal) => client().register(input, signal),
    onSuccess,
    fieldErrorsOf: (error) =>
      error.code === 'phone_taken' ? [{ field: 'phone', code: 'taken', message: error.message }] : [],
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
