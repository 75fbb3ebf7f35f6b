import { createRoute, z } from '@hono/zod-openapi';
import {
  AuthResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  ConfirmPhoneRequest,
  ConfirmPhoneResponse,
  LoginRequest,
  PhoneCodeRequest,
  PhoneCodeResponse,
  RegisterRequest,
  ResetPasswordRequest,
} from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireAuthEvenWithOneTimePassword } from '../http/authenticate.ts';
import { limitAttemptsPerClient, limitAttemptsPerPhone, limitAttemptsPerUser } from '../http/sign-in-limit.ts';
import { bearerSecurity, conflictResponse, errorResponses } from '../http/openapi-responses.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const { 400: malformed, 401: unauthenticated, 403: forbidden, 413: tooLarge, 422: invalid, 429: tooMany, 502: upstream } =
  errorResponses;

const CODE_ERRORS =
  'Wrong or unusable SMS code (`validation_failed`, field `code`: `code_wrong` while tries are left, `code_used_up` after 5 wrong tries, `code_expired` when no live code: never sent, past its 10 minutes, or used)';
const ONE_A_MINUTE = 'One SMS a minute per phone (and limited per client address and phone): `rate_limited` with `details.retryAfterSeconds` and Retry-After';

const phoneCode = createRoute({
  method: 'post',
  path: '/phone-code',
  tags: ['Accounts'],
  summary: 'Send a 6-digit SMS code to prove the phone (registration, forgotten password)',
  description:
    'The code is valid 10 minutes and for 5 tries; a new request replaces it. For `reset` the answer is the same whether or not the phone has an account (the SMS goes only to an account), so it tells nobody who is in the program.',
  middleware: [limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(PhoneCodeRequest) } },
  responses: {
    202: { description: 'A code was sent (for `reset`: if the phone has an account)', ...json(PhoneCodeResponse) },
    400: malformed,
    409: conflictResponse([], '`phone_taken`: an account with this phone exists (purpose `register`); sign in or reset the password'),
    422: invalid,
    429: { ...tooMany, description: ONE_A_MINUTE },
    502: { ...upstream, description: 'The SMS gateway did not take the message (`sms_unavailable`); ask again' },
  },
});

const resetPassword = createRoute({
  method: 'post',
  path: '/password/reset',
  tags: ['Accounts'],
  summary: 'Set a new password with the code of a `reset` SMS; ends every other session and signs in',
  middleware: [limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(ResetPasswordRequest) } },
  responses: {
    200: { description: 'New password set; the phone counts as confirmed; other sessions ended', ...json(AuthResponse) },
    400: malformed,
    422: { ...invalid, description: `${CODE_ERRORS}; or \`consent_required\` on \`consent\` for a patient imported by referral who has not consented yet` },
    429: tooMany,
  },
});

const phoneConfirmationCode = createRoute({
  method: 'post',
  path: '/phone/code',
  tags: ['Accounts'],
  summary: 'Send a code to the signed-in user\'s own phone, to confirm it (`user.phoneConfirmed` is false)',
  description: 'Accounts registered before SMS codes confirm their phone at their next sign-in: the widgets ask for this code when `user.phoneConfirmed` is false.',
  security: bearerSecurity,
  middleware: [requireAuth, limitAttemptsPerClient] as const,
  responses: {
    202: { description: 'A code was sent to the account\'s phone', ...json(PhoneCodeResponse) },
    401: unauthenticated,
    403: forbidden,
    429: { ...tooMany, description: ONE_A_MINUTE },
    502: { ...upstream, description: 'The SMS gateway did not take the message (`sms_unavailable`); ask again' },
  },
});

const confirmPhone = createRoute({
  method: 'post',
  path: '/phone/confirm',
  tags: ['Accounts'],
  summary: 'Confirm the signed-in user\'s phone with the code of `POST /auth/phone/code`',
  security: bearerSecurity,
  middleware: [requireAuth, limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(ConfirmPhoneRequest) } },
  responses: {
    200: { description: 'Confirmed: `user.phoneConfirmed` is true', ...json(ConfirmPhoneResponse) },
    400: malformed,
    401: unauthenticated,
    403: forbidden,
    422: { ...invalid, description: CODE_ERRORS },
    429: tooMany,
  },
});

const register = createRoute({
  method: 'post',
  path: '/register',
  tags: ['Accounts'],
  summary: 'Register a patient (with 152-FZ consent and the code of a `register` SMS) and sign in',
  middleware: [limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(RegisterRequest) } },
  responses: {
    201: { description: 'Registered and signed in', ...json(AuthResponse) },
    400: malformed,
    409: conflictResponse([], '`phone_taken`: an account with this phone number exists (`details.fields` names the phone)'),
    413: tooLarge,
    422: { ...invalid, description: `Validation failed (\`details.fields\`), including: ${CODE_ERRORS}` },
    429: tooMany,
  },
});

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Accounts'],
  summary: 'Sign in with phone and password',
  middleware: [limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(LoginRequest) } },
  responses: {
    200: {
      description:
        'Signed in; `user.mustChangePassword` is true after an SMS one-time password (signing in with it confirms the phone); `user.phoneConfirmed` false: an account from before SMS codes, to confirm with `POST /auth/phone/code` and `POST /auth/phone/confirm`',
      ...json(AuthResponse),
    },
    400: malformed,
    401: { ...unauthenticated, description: 'Wrong phone or password (`invalid_credentials`)' },
    422: invalid,
    429: tooMany,
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Accounts'],
  summary: 'Sign out: revoke this token',
  security: bearerSecurity,
  middleware: [requireAuthEvenWithOneTimePassword] as const,
  responses: { 204: { description: 'Signed out' }, 401: unauthenticated },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags: ['Accounts'],
  summary: 'Change the password; ends every other session of the user',
  security: bearerSecurity,
  // Each try checks the current password with scrypt: limited like sign-in, per client and per user.
  middleware: [requireAuthEvenWithOneTimePassword, limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(ChangePasswordRequest) } },
  responses: {
    200: { description: 'Changed', ...json(ChangePasswordResponse) },
    400: malformed,
    401: unauthenticated,
    403: forbidden,
    422: invalid,
    429: tooMany,
  },
});

export const authRoutes = createRouter()
  .openapi(phoneCode, async (c) => {
    const { phone, purpose } = c.req.valid('json');
    await limitAttemptsPerPhone(c, phone);
    const accounts = c.var.services.accounts;
    return c.json(purpose === 'register' ? await accounts.sendRegistrationCode(phone) : await accounts.sendResetCode(phone), 202);
  })
  .openapi(resetPassword, async (c) => {
    const { phone, code, newPassword, consent } = c.req.valid('json');
    await limitAttemptsPerPhone(c, phone);
    return c.json(await c.var.services.accounts.resetPassword(phone, code, newPassword, consent), 200);
  })
  .openapi(phoneConfirmationCode, async (c) => {
    const { user } = c.var.principal;
    await limitAttemptsPerUser(c, user.id);
    return c.json(await c.var.services.accounts.sendConfirmationCode(user.id), 202);
  })
  .openapi(confirmPhone, async (c) => {
    const { user } = c.var.principal;
    await limitAttemptsPerUser(c, user.id);
    return c.json({ user: await c.var.services.accounts.confirmPhone(user.id, c.req.valid('json').code) }, 200);
  })
  .openapi(register, async (c) => {
    const input = c.req.valid('json');
    await limitAttemptsPerPhone(c, input.phone);
    return c.json(await c.var.services.accounts.register(input), 201);
  })
  .openapi(login, async (c) => {
    const { phone, password } = c.req.valid('json');
    await limitAttemptsPerPhone(c, phone);
    return c.json(await c.var.services.accounts.signIn(phone, password), 200);
  })
  .openapi(logout, async (c) => {
    await c.var.services.accounts.signOut(c.var.principal.tokenId);
    return c.body(null, 204);
  })
  .openapi(changePassword, async (c) => {
    const { currentPassword, newPassword, consent } = c.req.valid('json');
    const { user, tokenId } = c.var.principal;
    await limitAttemptsPerUser(c, user.id);
    return c.json({ user: await c.var.services.accounts.changePassword(user.id, tokenId, currentPassword, newPassword, consent) }, 200);
  });
