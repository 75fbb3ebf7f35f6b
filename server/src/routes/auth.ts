import { createRoute, z } from '@hono/zod-openapi';
import {
  AuthResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  LoginRequest,
  RegisterRequest,
} from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuthEvenWithOneTimePassword } from '../http/authenticate.ts';
import { limitAttemptsPerClient, limitAttemptsPerPhone, limitAttemptsPerUser } from '../http/sign-in-limit.ts';
import { bearerSecurity, conflictResponse, errorResponses } from '../http/openapi-responses.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const { 400: malformed, 401: unauthenticated, 403: forbidden, 413: tooLarge, 422: invalid, 429: tooMany } =
  errorResponses;

const register = createRoute({
  method: 'post',
  path: '/register',
  tags: ['Accounts'],
  summary: 'Register a patient (with 152-FZ consent) and sign in',
  middleware: [limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(RegisterRequest) } },
  responses: {
    201: { description: 'Registered and signed in', ...json(AuthResponse) },
    400: malformed,
    409: conflictResponse([], '`phone_taken`: an account with this phone number exists (`details.fields` names the phone)'),
    413: tooLarge,
    422: invalid,
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
    200: { description: 'Signed in; `user.mustChangePassword` is true after an SMS one-time password', ...json(AuthResponse) },
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
