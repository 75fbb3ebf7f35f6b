import { z } from 'zod';
import { User } from './users.ts';

// The requests of the account forms: written once for the API and the browser's pre-check.
export {
  ChangePasswordRequest,
  ConfirmPhoneRequest,
  DeleteAccountRequest,
  LoginRequest,
  Password,
  PhoneCodePurpose,
  PhoneCodeRequest,
  RegisterRequest,
  ResetPasswordRequest,
  SmsCode,
} from './forms/auth.ts';

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

export const PhoneCodeResponse = z
  .object({
    expiresAt: z.string().meta({ description: 'ISO time the code stops working (10 minutes after sending)' }),
    resendAfter: z.string().meta({ description: 'ISO time from which another code may be asked for (one SMS a minute per phone)' }),
  })
  .meta({ id: 'PhoneCodeResponse' });
export type PhoneCodeResponse = z.infer<typeof PhoneCodeResponse>;

export const ConfirmPhoneResponse = z.object({ user: User }).meta({ id: 'ConfirmPhoneResponse' });
export type ConfirmPhoneResponse = z.infer<typeof ConfirmPhoneResponse>;
