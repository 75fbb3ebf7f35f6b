import { createRoute, z } from '@hono/zod-openapi';
import { ConsentText } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { consentText } from '../catalog/consent-text.ts';
import { escapeHtml } from '../lib/html.ts';
import { sha256Source } from '../http/page-policy.ts';

const getConsent = createRoute({
  method: 'get',
  path: '/',
  tags: ['Accounts'],
  summary: 'The text of the 152-FZ consent given at registration (JSON, or a readable page with format=html)',
  request: {
    query: z.object({
      lang: z.enum(['ru', 'en']).default('ru'),
      format: z.enum(['json', 'html']).default('json'),
    }),
  },
  responses: {
    200: {
      description: 'The consent text',
      content: { 'application/json': { schema: ConsentText }, 'text/html': { schema: z.string() } },
    },
  },
});

const PAGE_STYLE = 'body{font:18px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}';
/** Text only: its one style block by hash, nothing else runs or loads. */
const PAGE_POLICY = `default-src 'none'; style-src ${sha256Source(PAGE_STYLE)}; base-uri 'none'; form-action 'none'`;

export const consentRoutes = createRouter().openapi(getConsent, (c) => {
  const { lang, format } = c.req.valid('query');
  const consent = consentText(lang, c.var.config.operator);
  c.header('Cache-Control', 'public, max-age=3600');
  if (format === 'json') return c.json(consent, 200);
  c.header('Content-Security-Policy', PAGE_POLICY);
  const paragraphs = consent.text.split('\n\n').map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return c.html(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(consent.title)}</title><style>${PAGE_STYLE}</style></head>` +
      `<body><h1>${escapeHtml(consent.title)}</h1>${paragraphs}<p><small>${escapeHtml(consent.version)}</small></p></body></html>`,
    200,
  );
});
