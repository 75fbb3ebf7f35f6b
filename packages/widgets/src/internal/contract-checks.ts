/**
 * The contract schemas the forms pre-check with. This module is only ever imported lazily
 * (see contracts.ts): zod and the schemas weigh more than the rest of the bundle together.
 */
export {
  ChangePasswordRequest,
  ConfirmPhoneRequest,
  LoginRequest,
  PASSWORD_MIN_LENGTH,
  PhoneCodeRequest,
  RegisterRequest,
  ResetPasswordRequest,
  fieldErrorsFromIssues,
} from '@oz/contracts';
