import { createRoute } from '@hono/zod-openapi';
import { DeleteAccountRequest, User } from '@oz/contracts';
import { createRouter } from '../http/router.ts';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { requireAuth, requireAuthEvenWithOneTimePassword, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses } from '../http/openapi-responses.ts';
import { auditActor } from '../http/audit-actor.ts';
import { json } from '../http/json.ts';
import { limitAttemptsPerClient, limitAttemptsPerUser } from '../http/sign-in-limit.ts';
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

const eraseAccount = createRoute({
  method: 'delete',
  path: '/',
  tags: ['Accounts'],
  summary:
    '«Удалить аккаунт» (152-FZ art. 14 and 9), with the password (patient). Withdraws the consent; deletes the phone (free to register again), e-mail, password, every session (live streams and video sockets close), notifications and the documents no application used. Keeps consultations, conclusions, chats, applications and their documents with the name and birth date (medical records, 323-FZ), and the audit trail, which records the erasure',
  security: bearerSecurity,
  // Each try checks the password with scrypt: limited like sign-in, per client and per user.
  middleware: [requireAuth, requireRole('patient'), limitAttemptsPerClient] as const,
  request: { body: { required: true, ...json(DeleteAccountRequest) } },
  responses: {
    204: { description: 'Erased; the token no longer works' },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    422: { ...errorResponses[422], description: 'A wrong password (`validation_failed`, field `password`, code `invalid`): nothing was changed' },
    429: errorResponses[429],
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
  })
  .openapi(eraseAccount, async (c) => {
    await limitAttemptsPerUser(c, c.var.principal.user.id);
    await c.var.services.accountErasure.erase({ ...auditActor(c), user: c.var.principal.user }, c.req.valid('json').password);
    return c.body(null, 204);
  });
