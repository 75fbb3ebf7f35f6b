import { createRoute, z } from '@hono/zod-openapi';
import {
  CancelConsultationRequest,
  ChatMessage,
  ChatMessageList,
  Conclusion,
  Consultation,
  ConsultationList,
  ConsultationListQuery,
  ChatMessageListQuery,
  PostMessageRequest,
  WriteConclusionRequest,
} from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireAuthAs, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, conflictResponse, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { IdParam } from '../http/params.ts';
import { cachedAnswer, cachedJson } from '../http/cached-answer.ts';
import { TOPICS } from '../services/store-changes.ts';
import { auditActor } from '../http/audit-actor.ts';

const common = { tags: ['Consultations'], security: bearerSecurity, middleware: [requireAuthAs('patient', 'doctor')] };

const list = createRoute({
  ...common,
  // Kept per person (after their token is checked) until one of their consultations, their unread
  // messages or a name changes.
  middleware: [
    ...common.middleware,
    cachedAnswer({
      personal: true,
      topics: (c) => [TOPICS.person(c.get('principal').user.id), TOPICS.names, TOPICS.consultations],
    }),
  ],
  method: 'get',
  path: '/',
  summary: 'My consultations (the patient\'s or the doctor\'s), by start time, a page at a time',
  request: { query: ConsultationListQuery },
  responses: { 200: { description: 'Consultations', ...json(ConsultationList) }, 401: e[401], 403: e[403], 422: e[422] },
});

const getOne = createRoute({
  ...common,
  method: 'get',
  path: '/{id}',
  summary: 'One consultation',
  request: { params: IdParam },
  responses: { 200: { description: 'The consultation', ...json(Consultation) }, 401: e[401], 404: e[404] },
});

const cancel = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/cancel',
  summary: 'Cancel; the other side is notified',
  request: { params: IdParam, body: { required: false, ...json(CancelConsultationRequest) } },
  responses: { 200: { description: 'Cancelled', ...json(Consultation) }, 401: e[401], 404: e[404], 409: conflictResponse(['not_cancellable']), 422: e[422] },
});

const writeConclusion = createRoute({
  tags: ['Consultations'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('doctor')] as const,
  method: 'post',
  path: '/{id}/conclusion',
  summary: 'Write the conclusion (or an invitation to an in-person visit); completes the consultation',
  request: { params: IdParam, body: { required: true, ...json(WriteConclusionRequest) } },
  responses: {
    201: { description: 'Written', ...json(Conclusion) },
    401: e[401],
    403: e[403],
    404: e[404],
    409: conflictResponse(['consultation_cancelled', 'conclusion_written']),
    422: e[422],
  },
});

const readConclusion = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/conclusion',
  summary: 'The conclusion, for the consultation\'s patient and doctor',
  request: { params: IdParam },
  responses: { 200: { description: 'The conclusion', ...json(Conclusion) }, 401: e[401], 404: e[404] },
});

const listMessages = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/messages',
  summary: 'The consultation\'s chat (its patient and doctor only): the latest page, oldest first within it; `nextCursor` pages back in time',
  request: { params: IdParam, query: ChatMessageListQuery },
  responses: { 200: { description: 'Messages', ...json(ChatMessageList) }, 401: e[401], 404: e[404], 422: e[422] },
});

const postMessage = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/messages',
  summary: 'Write in the chat; delivered live to both sides as a `message` event of the notification stream',
  request: { params: IdParam, body: { required: true, ...json(PostMessageRequest) } },
  responses: { 201: { description: 'Sent', ...json(ChatMessage) }, 400: e[400], 401: e[401], 404: e[404], 409: conflictResponse(['consultation_cancelled']), 422: e[422] },
});

const markMessagesRead = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/messages/read',
  summary: 'I have read the chat (the page shows it): the caller\'s `unreadMessages` of the consultation becomes 0 and its «new message» notification is read',
  description:
    'A chat message makes one unread `message_received` notification per consultation for the other side (later messages update it) and counts in their ' +
    '`unreadMessages`; both stay until this call. A recipient who has not been online for 10 minutes (no request, no open notification stream) gets an SMS ' +
    'without the message text, at most one per consultation an hour.',
  request: { params: IdParam },
  responses: { 204: { description: 'Read' }, 401: e[401], 404: e[404] },
});

export const consultationRoutes = createRouter()
  .openapi(list, async (c) => cachedJson(c, await c.get('services').consultations.list(c.get('principal').user, c.req.valid('query'))))
  .openapi(getOne, async (c) => c.json(await c.var.services.consultations.get(c.var.principal.user, c.req.valid('param').id), 200))
  .openapi(cancel, async (c) => {
    // The body is optional: a bare POST cancels without a reason.
    const body = c.req.header('content-type')?.includes('application/json') ? c.req.valid('json') : {};
    const consultation = await c.var.services.consultations.cancel(c.var.principal.user, c.req.valid('param').id, body?.reason);
    await c.var.services.audit.statusChanged(auditActor(c), { type: 'consultation', id: consultation.id, patientId: consultation.patientId }, consultation.status);
    return c.json(consultation, 200);
  })
  .openapi(writeConclusion, async (c) => {
    const { services, principal } = c.var;
    const id = c.req.valid('param').id;
    const conclusion = await services.consultations.conclude(principal.user, id, c.req.valid('json'));
    await services.audit.statusChanged(auditActor(c), { type: 'consultation', id, patientId: await services.consultations.patientIdOf(id) }, 'completed');
    return c.json(conclusion, 201);
  })
  .openapi(readConclusion, async (c) => {
    const { services, principal } = c.var;
    const id = c.req.valid('param').id;
    const conclusion = await services.consultations.conclusion(principal.user, id);
    await services.audit.read(auditActor(c), [{ type: 'conclusion', id, patientId: await services.consultations.patientIdOf(id) }]);
    return c.json(conclusion, 200);
  })
  .openapi(listMessages, async (c) => {
    const { services, principal } = c.var;
    const id = c.req.valid('param').id;
    const page = await services.messages.list(principal.user, id, c.req.valid('query'));
    await services.audit.read(auditActor(c), [{ type: 'chat', id, patientId: await services.consultations.patientIdOf(id) }]);
    return c.json(page, 200);
  })
  .openapi(postMessage, async (c) => {
    const { text } = c.req.valid('json');
    return c.json(await c.var.services.messages.post(c.var.principal.user, c.req.valid('param').id, text), 201);
  })
  .openapi(markMessagesRead, async (c) => {
    await c.var.services.messages.markRead(c.var.principal.user, c.req.valid('param').id);
    return c.body(null, 204);
  });
