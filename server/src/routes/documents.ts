import { createRoute, z } from '@hono/zod-openapi';
import { DocumentList, DocumentListQuery, MedicalDocument, UploadDocumentForm } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, conflictResponse, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { IdParam } from '../http/params.ts';
import { uploadBodyLimit } from '../http/body-limit.ts';
import { auditActor } from '../http/audit-actor.ts';

const upload = createRoute({
  method: 'post',
  path: '/',
  tags: ['Documents'],
  summary: 'Upload a medical document (PDF, JPEG, PNG, HEIC, DICOM or a ZIP of DICOM files, judged by content)',
  security: bearerSecurity,
  middleware: [uploadBodyLimit, requireAuth, requireRole('patient')] as const,
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadDocumentForm } } } },
  responses: {
    201: { description: 'Stored', ...json(MedicalDocument) },
    401: e[401],
    403: e[403],
    413: { ...e[413], description: 'Over `OZ_MAX_UPLOAD_MB`; for a ZIP also `details.reason` `zip_too_many_files` (over 5000) or `zip_too_large` (unpacks to over ten times the limit)' },
    415: {
      ...e[413],
      description:
        'Not a PDF, JPEG, PNG, HEIC or DICOM file, whatever its name says; a ZIP with `details.reason` `zip_not_dicom` (`details.entry` names the file), `zip_encrypted`, `zip_empty` or `zip_unreadable`',
    },
    422: e[422],
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Documents'],
  summary: 'A patient\'s documents: your own, or (doctors) of a patient who applied to your center or booked you',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { query: DocumentListQuery },
  responses: { 200: { description: 'The documents, newest first', ...json(DocumentList) }, 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
});

const content = createRoute({
  method: 'get',
  path: '/{id}/content',
  tags: ['Documents'],
  summary: 'The file itself, as an attachment',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    401: e[401],
    404: e[404],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['Documents'],
  summary: 'Delete one of your documents (not while an open application uses it)',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('patient')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 401: e[401], 403: e[403], 404: e[404], 409: conflictResponse(['document_in_use']) },
});

export const documentRoutes = createRouter()
  .openapi(upload, async (c) => {
    const { kind, file } = c.req.valid('form');
    return c.json(await c.var.services.documents.upload(c.var.principal.user, kind, file), 201);
  })
  .openapi(list, async (c) => {
    const { patientId } = c.req.valid('query');
    return c.json({ items: await c.var.services.documents.list(c.var.principal.user, patientId) }, 200);
  })
  .openapi(content, async (c) => {
    const { document, bytes } = await c.var.services.documents.content(c.var.principal.user, c.req.valid('param').id);
    await c.var.services.audit.read(auditActor(c), [{ type: 'document', id: document.id, patientId: document.ownerId }]);
    // Always a download, never rendered in our origin: an uploaded file must not run as a page.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': document.mediaType,
      'Content-Disposition': `attachment; filename="${asciiFallback(document.fileName)}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  })
  .openapi(remove, async (c) => {
    await c.var.services.documents.remove(c.var.principal.user, c.req.valid('param').id);
    return c.body(null, 204);
  });

function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
