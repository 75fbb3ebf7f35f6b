import { createRoute, z } from '@hono/zod-openapi';
import {
  Application,
  ApplicationList,
  ApplicationListQuery,
  Consultation,
  CreateApplicationRequest,
  DeclineApplicationRequest,
  ScheduleApplicationRequest,
} from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, conflictResponse, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { IdParam } from '../http/params.ts';
import { auditActor } from '../http/audit-actor.ts';
import type { AuditSubject } from '../services/audit.ts';

const common = { tags: ['Applications'], security: bearerSecurity };

const create = createRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'File an application to a center (name and age come from the profile)',
  middleware: [requireAuth, requireRole('patient')] as const,
  request: { body: { required: true, ...json(CreateApplicationRequest) } },
  responses: {
    201: { description: 'Filed', ...json(Application) },
    400: e[400],
    401: e[401],
    403: e[403],
    409: conflictResponse(['application_waiting'], '`program_closed`: outside the program period (`details.start`, `details.end`)'),
    422: { ...e[422], description: 'Invalid fields; missing required documents are listed in `details.missingKinds`' },
  },
});

const list = createRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'Patients: their own applications. Doctors: their center\'s queue, oldest first',
  middleware: [requireAuth, requireRole('patient', 'doctor')] as const,
  request: { query: ApplicationListQuery },
  responses: { 200: { description: 'Applications', ...json(ApplicationList) }, 401: e[401], 403: e[403], 422: e[422] },
});

const getOne = createRoute({
  ...common,
  method: 'get',
  path: '/{id}',
  summary: 'One application',
  middleware: [requireAuth, requireRole('patient', 'doctor')] as const,
  request: { params: IdParam },
  responses: { 200: { description: 'The application', ...json(Application) }, 401: e[401], 403: e[403], 404: e[404] },
});

const schedule = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/schedule',
  summary: 'Set the consultation\'s date and time; the patient is notified in the cabinet and by SMS',
  middleware: [requireAuth, requireRole('doctor')] as const,
  request: { params: IdParam, body: { required: true, ...json(ScheduleApplicationRequest) } },
  responses: {
    201: { description: 'The consultation', ...json(Consultation) },
    400: e[400],
    401: e[401],
    403: e[403],
    404: e[404],
    409: conflictResponse(['already_reviewed', 'doctor_busy']),
    422: e[422],
  },
});

const decline = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/decline',
  summary: 'Decline with a reason; the patient is notified',
  middleware: [requireAuth, requireRole('doctor')] as const,
  request: { params: IdParam, body: { required: true, ...json(DeclineApplicationRequest) } },
  responses: { 200: { description: 'Declined', ...json(Application) }, 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: conflictResponse(['already_reviewed']), 422: e[422] },
});

const cancel = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/cancel',
  summary: 'The patient withdraws an application that is still waiting for review',
  middleware: [requireAuth, requireRole('patient')] as const,
  request: { params: IdParam },
  responses: { 200: { description: 'Withdrawn', ...json(Application) }, 401: e[401], 403: e[403], 404: e[404], 409: conflictResponse(['already_reviewed']) },
});

export const applicationRoutes = createRouter()
  .openapi(create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await c.var.services.applications.create(c.var.principal.user, input), 201);
  })
  .openapi(list, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const page = await c.var.services.applications.list(c.var.principal.user, status, { limit, cursor });
    await c.var.services.audit.read(auditActor(c), page.items.map(subjectOf));
    return c.json(page, 200);
  })
  .openapi(getOne, async (c) => {
    const application = await c.var.services.applications.get(c.var.principal.user, c.req.valid('param').id);
    await c.var.services.audit.read(auditActor(c), [subjectOf(application)]);
    return c.json(application, 200);
  })
  .openapi(schedule, async (c) => {
    const { startsAt, durationMinutes } = c.req.valid('json');
    const { services, principal } = c.var;
    const id = c.req.valid('param').id;
    const consultation = await services.applications.schedule(principal.user, id, startsAt, durationMinutes);
    await services.audit.statusChanged(auditActor(c), { type: 'application', id, patientId: consultation.patientId }, 'scheduled');
    return c.json(await services.consultations.view(consultation), 201);
  })
  .openapi(decline, async (c) => {
    const { reason } = c.req.valid('json');
    const application = await c.var.services.applications.decline(c.var.principal.user, c.req.valid('param').id, reason);
    await c.var.services.audit.statusChanged(auditActor(c), subjectOf(application), application.status);
    return c.json(application, 200);
  })
  .openapi(cancel, async (c) => {
    const application = await c.var.services.applications.cancel(c.var.principal.user, c.req.valid('param').id);
    await c.var.services.audit.statusChanged(auditActor(c), subjectOf(application), application.status);
    return c.json(application, 200);
  });

const subjectOf = (application: Application): AuditSubject => ({ type: 'application', id: application.id, patientId: application.patientId });
