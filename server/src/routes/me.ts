import { createRoute } from '@hono/zod-openapi';
import { User } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { requireAuth, requireAuthEvenWithOneTimePassword, requireRole } from '../http/authenticate.ts';
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

const exportData = createRoute({
  method: 'get',
  path: '/export',
  tags: ['Accounts'],
  summary: '«Скачать мои данные» (152-FZ art. 14): a ZIP of everything the program holds about me, as JSON, and my documents (patient)',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('patient')] as const,
  responses: {
    200: { description: 'The ZIP file', content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } } },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export const meRoutes = createRouter()
  .openapi(me, (c) => c.json(toPublicUser(c.var.principal.user), 200))
  .openapi(exportData, async (c) => {
    const zip = await c.var.services.personalData.zipFor(c.var.principal.user);
    return c.body(Readable.toWeb(zip) as ReadableStream, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="my-data.zip"; filename*=UTF-8''${encodeURIComponent('мои-данные.zip')}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
