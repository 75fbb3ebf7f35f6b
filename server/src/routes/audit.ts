import { createRoute, z } from '@hono/zod-openapi';
import { AuditExportQuery, AuditList, AuditQuery, MyAuditQuery, type AuditEntry } from '@oz/contracts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { CSV_BOM, csvLine } from '../lib/csv.ts';

const managersTrail = createRoute({
  method: 'get',
  path: '/',
  tags: ['Audit'],
  summary: "One patient's audit trail, newest first: every read of their medical data by someone else, every change of a status (manager)",
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  request: { query: AuditQuery },
  responses: { 200: { description: 'The entries', ...json(AuditList) }, 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
});

const managersExport = createRoute({
  method: 'get',
  path: '/export.csv',
  tags: ['Audit'],
  summary: "One patient's whole audit trail as a CSV file for Excel (UTF-8 with BOM, `;`) (manager)",
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  request: { query: AuditExportQuery },
  responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
});

const myTrail = createRoute({
  method: 'get',
  path: '/',
  tags: ['Audit'],
  summary: 'Who else opened my documents, conclusions, applications and chats, and changed their status (patient; without addresses)',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('patient')] as const,
  request: { query: MyAuditQuery },
  responses: { 200: { description: 'The entries', ...json(AuditList) }, 401: e[401], 403: e[403], 422: e[422] },
});

const CSV_COLUMNS = ['Когда (UTC)', 'Кто', 'Роль', 'Действие', 'Новый статус', 'Что', 'Номер записи', 'Пациент', 'Адрес'];
const csvRow = (entry: AuditEntry) =>
  csvLine([entry.at, entry.actorName, entry.actorRole, entry.action, entry.status ?? '', entry.subjectType, entry.subjectId, entry.patientId, entry.address ?? '']);

export const auditRoutes = createRouter()
  .openapi(managersTrail, async (c) => {
    const { patientId, phone, limit, cursor } = c.req.valid('query');
    return c.json(await c.var.services.audit.pageForManager(c.var.principal.user, { patientId, phone }, { limit, cursor }), 200);
  })
  .openapi(managersExport, async (c) => {
    const { patientId, phone } = c.req.valid('query');
    const lines = [CSV_BOM + csvLine(CSV_COLUMNS)];
    for await (const entries of c.var.services.audit.allForManager(c.var.principal.user, { patientId, phone })) lines.push(...entries.map(csvRow));
    return c.body(`${lines.join('\r\n')}\r\n`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit.csv"; filename*=UTF-8\'\'%D0%B0%D1%83%D0%B4%D0%B8%D1%82.csv',
      'X-Content-Type-Options': 'nosniff',
    });
  });

export const myAuditRoutes = createRouter().openapi(myTrail, async (c) => {
  const { limit, cursor } = c.req.valid('query');
  return c.json(await c.var.services.audit.pageForPatient(c.var.principal.user, { limit, cursor }), 200);
});

