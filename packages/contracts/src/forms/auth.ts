import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from '../constants.ts';
import { withMeta } from './meta.ts';
import { Phone } from './phone.ts';
import { BirthDate } from './dates.ts';

export const Password = z.string().check(z.minLength(PASSWORD_MIN_LENGTH), z.maxLength(PASSWORD_MAX_LENGTH));

const FullName = withMeta(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), { example: 'Иванова Мария Петровна' });

/** The 6-digit code from an SMS; spaces and dashes people type between the digits do not matter. */
export const SmsCode = withMeta(
  z.pipe(
    z.string(),
    z.transform((value: string) => value.replace(/[\s\-]/g, '')),
  ).check(
    z.superRefine((value: string, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: 'Enter the code from the SMS', params: { code: 'required' } });
      else if (!/^\d{6}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'Enter the 6 digits from the SMS', params: { code: 'code_wrong' } });
    }),
  ),
  { example: '482913' },
);

/** An e-mail field where an empty string means "none". */
const OptionalEmail = z.pipe(
  z.optional(z.union([z.literal(''), z.email().check(z.maxLength(254))])),
  z.transform((value: string | undefined) => (value ? value.toLowerCase() : undefined)),
);

export const RegisterRequest = withMeta(
  z.object({
    fullName: FullName,
    birthDate: BirthDate,
    phone: Phone,
    email: OptionalEmail,
    password: Password,
    code: withMeta(SmsCode, {
      description: 'The code from the SMS of `POST /auth/phone-code` with purpose `register`: proves the phone',
    }),
    consent: withMeta(
      z.boolean().check(
        z.refine((value: boolean) => value === true, {
          message: 'Consent to the processing of personal data (152-FZ) is required',
          params: { code: 'consent_required' },
        }),
      ),
      { description: 'Must be true: consent to the processing of personal data under 152-FZ' },
    ),
  }),
  { id: 'RegisterRequest' },
);
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const LoginRequest = withMeta(
  z.object({ phone: Phone, password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)) }),
  { id: 'LoginRequest' },
);
export type LoginRequest = z.input<typeof LoginRequest>;

export const ChangePasswordRequest = withMeta(
  z
    .object({
      currentPassword: withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH))), {
        description:
          'Required, except from a session that signed in with the one-time password from an SMS (`user.mustChangePassword`): that sign-in proved it',
      }),
      newPassword: Password,
      consent: withMeta(z.optional(z.boolean()), {
        description: 'Required `true` from a patient who has not consented yet (imported by referral): 152-FZ',
      }),
    })
    .check(
      z.superRefine((value: { currentPassword?: string | undefined; newPassword: string }, ctx) => {
        if (value.currentPassword !== undefined && value.currentPassword === value.newPassword) {
          ctx.addIssue({
            code: 'custom',
            path: ['newPassword'],
            message: 'The new password must differ from the current one',
            params: { code: 'password_same' },
          });
        }
      }),
    ),
  { id: 'ChangePasswordRequest' },
);
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

/** What an SMS code is asked for: a new account, or a forgotten password. */
export const PhoneCodePurpose = z.enum(['register', 'reset']);
export type PhoneCodePurpose = z.infer<typeof PhoneCodePurpose>;

export const PhoneCodeRequest = withMeta(
  z.object({
    phone: Phone,
    purpose: withMeta(PhoneCodePurpose, {
      description:
        '`register`: the phone must not have an account yet (409 `phone_taken`); `reset`: the same 202 whether or not it has one, the SMS goes only to an account',
    }),
  }),
  { id: 'PhoneCodeRequest' },
);
export type PhoneCodeRequest = z.input<typeof PhoneCodeRequest>;

export const ResetPasswordRequest = withMeta(
  z.object({
    phone: Phone,
    code: withMeta(SmsCode, { description: 'The code from the SMS of `POST /auth/phone-code` with purpose `reset`' }),
    newPassword: Password,
    consent: withMeta(z.optional(z.boolean()), {
      description: 'Required `true` from a patient imported by referral who has not consented yet (152-FZ)',
    }),
  }),
  { id: 'ResetPasswordRequest' },
);
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequest>;

export const ConfirmPhoneRequest = withMeta(
  z.object({ code: withMeta(SmsCode, { description: 'The code from the SMS of `POST /auth/phone/code`' }) }),
  { id: 'ConfirmPhoneRequest' },
);
export type ConfirmPhoneRequest = z.input<typeof ConfirmPhoneRequest>;

/** «Удалить аккаунт» (152-FZ art. 14 and 9): the person's own password says it is really them. */
export const DeleteAccountRequest = withMeta(
  z.object({
    password: withMeta(z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)), {
      description: 'The account\'s current password; a wrong one answers 422 `validation_failed` (field `password`, code `invalid`) and changes nothing',
    }),
  }),
  { id: 'DeleteAccountRequest' },
);
export type DeleteAccountRequest = z.input<typeof DeleteAccountRequest>;
