import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { User } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { validationHook } from '../http/validation-hook.ts';
import { requireAuth } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses } from '../http/openapi-responses.ts';
import { toPublicUser } from '../services/accounts.ts';

const me = createRoute({
  method: 'get',
  path: '/',
  tags: ['Accounts'],
  summary: 'The signed-in user',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: User } } },
    401: errorResponses[401],
  },
});

export const meRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(me, (c) =>
  c.json(toPublicUser(c.var.principal.user), 200),
);
