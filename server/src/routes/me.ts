import { createRoute } from '@hono/zod-openapi';
import { User } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuthEvenWithOneTimePassword } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses } from '../http/openapi-responses.ts';
import { toPublicUser } from '../services/accounts.ts';

const me = createRoute({
  method: 'get',
  path: '/',
  tags: ['Accounts'],
  summary: 'The signed-in user',
  security: bearerSecurity,
  middleware: [requireAuthEvenWithOneTimePassword] as const,
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: User } } },
    401: errorResponses[401],
  },
});

export const meRoutes = createRouter().openapi(me, (c) =>
  c.json(toPublicUser(c.var.principal.user), 200),
);
