/**
 * The contract schemas the forms pre-check with. This module is only ever imported lazily
 * (see contracts.ts): zod (zod/mini in the bundle) and the schemas stay out of the first load.
 * From '@oz/contracts/forms' only: the package's index holds schemas zod/mini cannot build.
 */
export {
  ChangePasswordRequest,
  ConfirmPhoneRequest,
  DeleteAccountRequest,
  LoginRequest,
  PhoneCodeRequest,
  RegisterRequest,
  ResetPasswordRequest,
  fieldErrorsFromIssues,
} from '@oz/contracts/forms';
export { PASSWORD_MIN_LENGTH } from '@oz/contracts/constants';
