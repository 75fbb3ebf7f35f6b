import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, CONSENT_VERSION } from './constants.ts';
import { Phone } from './phone.ts';
import { BirthDate } from './dates.ts';
import { User } from './users.ts';


export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

const FullName = z.string().trim().min(1).max(200).meta({ example: 'Иванова Мария Петровна' });

/** The 6-digit code from an SMS; spaces and dashes people type between the digits do not matter. */
export const SmsCode = z
  .string()
  .transform((value) => value.replace(/[\s\-]/g, ''))
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: 'Enter the code from the SMS', params: { code: 'required' } });
    else if (!/^\d{6}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'Enter the 6 digits from the SMS', params: { code: 'code_wrong' } });
  })
  .meta({ example: '482913' });

/** An e-mail field where an empty string means "none". */
const OptionalEmail = z
  .union([z.literal(''), z.email().max(254)])
  .optional()
  .transform((value) => (value ? value.toLowerCase() : undefined));

export const RegisterRequest = z
  .object({
    fullName: FullName,
    birthDate: BirthDate,
    phone: Phone,
    email: OptionalEmail,
    password: Password,
    code: SmsCode.meta({ description: 'The code from the SMS of `POST /auth/phone-code` with purpose `register`: proves the phone' }),
    consent: z
      .boolean()
      .refine((value) => value === true, {
        message: 'Consent to the processing of personal data (152-FZ) is required',
        params: { code: 'consent_required' },
      })
      .meta({ description: 'Must be true: consent to the processing of personal data under 152-FZ' }),
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const LoginRequest = z
  .object({ phone: Phone, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.input<typeof LoginRequest>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional().meta({
      description:
        'Required, except from a session that signed in with the one-time password from an SMS (`user.mustChangePassword`): that sign-in proved it',
    }),
    newPassword: Password,
    consent: z
      .boolean()
      .optional()
      .meta({ description: 'Required `true` from a patient who has not consented yet (imported by referral): 152-FZ' }),
  })
  .superRefine((value, ctx) => {
    if (value.currentPassword !== undefined && value.currentPassword === value.newPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'The new password must differ from the current one',
        params: { code: 'password_same' },
      });
    }
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

export const AuthResponse = z
  .object({
    token: z.string().meta({ description: 'Bearer token; send as `Authorization: Bearer <token>`' }),
    expiresAt: z.string().meta({ description: 'ISO time after which the token stops working' }),
    user: User,
  })
  .meta({ id: 'AuthResponse' });
export type AuthResponse = z.infer<typeof AuthResponse>;

export const MeResponse = User;
export type MeResponse = User;

export const ConsentText = z
  .object({ version: z.string(), lang: z.enum(['ru', 'en']), title: z.string(), text: z.string() })
  .meta({ id: 'ConsentText' });
export type ConsentText = z.infer<typeof ConsentText>;

export const ChangePasswordResponse = z.object({ user: User }).meta({ id: 'ChangePasswordResponse' });
export type ChangePasswordResponse = z.infer<typeof ChangePasswordResponse>;

/** What an SMS code is asked for: a new account, or a forgotten password. */
export const PhoneCodePurpose = z.enum(['register', 'reset']);
export type PhoneCodePurpose = z.infer<typeof PhoneCodePurpose>;

export const PhoneCodeRequest = z
  .object({
    phone: Phone,
    purpose: PhoneCodePurpose.meta({
      description:
        '`register`: the phone must not have an account yet (409 `phone_taken`); `reset`: the same 202 whether or not it has one, the SMS goes only to an account',
    }),
  })
  .meta({ id: 'PhoneCodeRequest' });
export type PhoneCodeRequest = z.input<typeof PhoneCodeRequest>;

export const PhoneCodeResponse = z
  .object({
    expiresAt: z.string().meta({ description: 'ISO time the code stops working (10 minutes after sending)' }),
    resendAfter: z.string().meta({ description: 'ISO time from which another code may be asked for (one SMS a minute per phone)' }),
  })
  .meta({ id: 'PhoneCodeResponse' });
export type PhoneCodeResponse = z.infer<typeof PhoneCodeResponse>;

export const ResetPasswordRequest = z
  .object({
    phone: Phone,
    code: SmsCode.meta({ description: 'The code from the SMS of `POST /auth/phone-code` with purpose `reset`' }),
    newPassword: Password,
    consent: z
      .boolean()
      .optional()
      .meta({ description: 'Required `true` from a patient imported by referral who has not consented yet (152-FZ)' }),
  })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequest>;

export const ConfirmPhoneRequest = z
  .object({ code: SmsCode.meta({ description: 'The code from the SMS of `POST /auth/phone/code`' }) })
  .meta({ id: 'ConfirmPhoneRequest' });
export type ConfirmPhoneRequest = z.input<typeof ConfirmPhoneRequest>;

export const ConfirmPhoneResponse = z.object({ user: User }).meta({ id: 'ConfirmPhoneResponse' });
export type ConfirmPhoneResponse = z.infer<typeof ConfirmPhoneResponse>;
