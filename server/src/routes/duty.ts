import { createRoute, z } from '@hono/zod-openapi';
import { BookDutySlotRequest, Consultation, DutySlotList, DutySlotQuery, PublishDutySlotsRequest, pageQuery } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, conflictResponse, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { IdParam } from '../http/params.ts';
import { cachedAnswer, cachedJson } from '../http/cached-answer.ts';
import { TOPICS } from '../services/store-changes.ts';
import { auditActor } from '../http/audit-actor.ts';


const listFree = createRoute({
  method: 'get',
  path: '/slots',
  tags: ['Duty doctors'],
  summary: 'Free slots with duty doctors (public), by start time',
  // The same list for everyone: kept until a slot or a doctor's name changes, or its first slot starts.
  middleware: [cachedAnswer({ topics: () => [TOPICS.slots, TOPICS.names] })] as const,
  request: { query: DutySlotQuery },
  responses: { 200: { description: 'Free slots', ...json(DutySlotList) }, 422: e[422] },
});

const listMine = createRoute({
  method: 'get',
  path: '/slots/mine',
  tags: ['Duty doctors'],
  summary: 'The duty doctor\'s own slots, free and booked',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('doctor')] as const,
  request: { query: pageQuery('dutySlots') },
  responses: { 200: { description: 'Own slots from a day ago on, by start time', ...json(DutySlotList) }, 401: e[401], 403: e[403], 422: e[422] },
});

const publish = createRoute({
  method: 'post',
  path: '/slots',
  tags: ['Duty doctors'],
  summary: 'Publish consecutive slots of `durationMinutes` from `startsAt` until `endsAt`',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('doctor')] as const,
  request: { body: { required: true, ...json(PublishDutySlotsRequest) } },
  responses: {
    201: { description: 'The new slots', ...json(DutySlotList) },
    400: e[400],
    401: e[401],
    403: { ...e[403], description: 'Not a duty doctor' },
    409: conflictResponse(['doctor_busy']),
    422: e[422],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/slots/{id}',
  tags: ['Duty doctors'],
  summary: 'Remove a free slot of yours',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('doctor')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, 401: e[401], 403: e[403], 404: e[404], 409: conflictResponse(['slot_booked']) },
});

const book = createRoute({
  method: 'post',
  path: '/slots/{id}/book',
  tags: ['Duty doctors'],
  summary: 'Book a free slot; never double-booked (409 `slot_taken`), limited per patient (409 `booking_limit`)',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('patient')] as const,
  request: { params: IdParam, body: { required: false, ...json(BookDutySlotRequest) } },
  responses: {
    201: { description: 'The consultation', ...json(Consultation) },
    401: e[401],
    403: e[403],
    404: e[404],
    409: conflictResponse(
      [],
      '`slot_taken`: booked by someone else, or started; `booking_limit`: the most future duty bookings are held (`details.limit`); `program_closed`: outside the program period',
    ),
    422: e[422],
  },
});

export const dutyRoutes = createRouter()
  .openapi(listFree, async (c) => {
    const { limit, cursor, ...range } = c.req.valid('query');
    const { page, until } = await c.get('services').duty.listFree(range, { limit, cursor });
    return cachedJson(c, page, until);
  })
  .openapi(listMine, async (c) => c.json(await c.var.services.duty.listMine(c.var.principal.user, c.req.valid('query')), 200))
  .openapi(publish, async (c) => {
    const { startsAt, endsAt, durationMinutes } = c.req.valid('json');
    return c.json({ items: await c.var.services.duty.publish(c.var.principal.user, startsAt, endsAt, durationMinutes), nextCursor: null }, 201);
  })
  .openapi(remove, async (c) => {
    await c.var.services.duty.remove(c.var.principal.user, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(book, async (c) => {
    // The body is optional: a bare POST books a video consultation without a topic.
    const body: { topic?: string | undefined } = c.req.header('content-type')?.includes('application/json') ? c.req.valid('json') : {};
    const { services, principal } = c.var;
    const consultation = await services.duty.book(principal.user, c.req.valid('param').id, body?.topic);
    await services.audit.statusChanged(auditActor(c), { type: 'consultation', id: consultation.id, patientId: consultation.patientId }, consultation.status);
    return c.json(await services.consultations.view(consultation), 201);
  });
