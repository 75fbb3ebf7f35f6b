import { createRoute, z } from '@hono/zod-openapi';
import { CredentialsResendRequest, CredentialsResendResult, REFERRAL_COLUMNS, ReferralImportQuery, ReferralImportReport } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { uploadBodyLimit } from '../http/body-limit.ts';
import { validationFailed } from '../services/domain-error.ts';
import { CSV_BOM } from '../lib/csv.ts';

const ImportForm = z.object({ file: z.instanceof(File).meta({ type: 'string', format: 'binary' } as never) });

const importTable = createRoute({
  method: 'post',
  path: '/import',
  tags: ['Referrals'],
  summary: 'Import the table of referred patients (XLSX, or CSV in UTF-8 or Windows-1251 with ; or ,)',
  description: `Columns by their row-1 headers: ${Object.values(REFERRAL_COLUMNS).join(', ')}. With \`dryRun=true\` the same report comes back and nothing is written.`,
  security: bearerSecurity,
  middleware: [uploadBodyLimit, requireAuth, requireRole('manager')] as const,
  request: { query: ReferralImportQuery, body: { required: true, content: { 'multipart/form-data': { schema: ImportForm } } } },
  responses: {
    200: { description: 'The report: created, skipped (already known), row errors', ...json(ReferralImportReport) },
    401: e[401],
    403: e[403],
    413: e[413],
    422: { ...e[422], description: '`file_unreadable`: not an XLSX or CSV table, or row 1 lacks required columns (`details.missingColumns`)' },
  },
});

const resendCredentials = createRoute({
  method: 'post',
  path: '/credentials',
  tags: ['Referrals'],
  summary: 'Send an imported patient a new one-time password by SMS',
  description:
    'For a patient who has not yet chosen their own password (the SMS did not arrive, or its password expired). The old one-time password stops working and the patient is signed out everywhere. One SMS per phone a minute.',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CredentialsResendRequest } } } },
  responses: {
    200: { description: 'Sent; the new password works until `expiresAt`', ...json(CredentialsResendResult) },
    401: e[401],
    403: e[403],
    404: { ...e[404], description: 'No patient has this phone number' },
    409: { ...e[409], description: '`password_already_set`: the patient has chosen their own password' },
    422: e[422],
    429: e[429],
    502: { ...e[502], description: '`sms_unavailable`: the SMS gateway refused the message; nothing was changed' },
  },
});

const template = createRoute({
  method: 'get',
  path: '/template.csv',
  tags: ['Referrals'],
  summary: 'An empty table with the right headers (CSV, UTF-8 with BOM so Excel opens it in Cyrillic)',
  responses: { 200: { description: 'The template', content: { 'text/csv': { schema: z.string() } } } },
});

const EXAMPLE_ROW = ['Иванова Мария Петровна', '12.04.1956', '+7 921 123-45-67', 'ИБС, стенокардия напряжения', 'Бакулева', 'Петров А. И.', 'ГБУЗ ЛО «Приозерская МБ»'];

export const referralRoutes = createRouter()
  .openapi(importTable, async (c) => {
    const { dryRun } = c.req.valid('query');
    const { file } = c.req.valid('form');
    if (file.size === 0) throw validationFailed([{ field: 'file', code: 'required', message: 'The file is empty' }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(await c.var.services.referrals.importTable(c.var.principal.user, bytes, dryRun), 200);
  })
  .openapi(resendCredentials, async (c) => {
    const { phone } = c.req.valid('json');
    return c.json(await c.var.services.credentials.resend(c.var.principal.user, phone), 200);
  })
  .openapi(template, (c) => {
    // Our own constant rows, written as is: the example phone starts with "+" and must stay a phone.
    const line = (cells: string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(';');
    const csv = `${CSV_BOM}${line(Object.values(REFERRAL_COLUMNS))}\r\n${line(EXAMPLE_ROW)}\r\n`;
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="referrals-template.csv"; filename*=UTF-8''${encodeURIComponent('направления-шаблон.csv')}`,
    });
  });
