import { createRoute } from '@hono/zod-openapi';
import { CreateStaffRequest, DisableStaffResult, StaffList, StaffMember, StaffPasswordResult, UpdateStaffRequest } from '@oz/contracts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, conflictResponse, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { IdParam } from '../http/params.ts';
import { auditActor } from '../http/audit-actor.ts';

const list = createRoute({
  tags: ['Staff'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  method: 'get',
  path: '/',
  summary: 'Doctors and managers, by name: their center, duty flag, whether disabled (manager)',
  responses: { 200: { description: 'The staff', ...json(StaffList) }, 401: e[401], 403: e[403] },
});

const create = createRoute({
  tags: ['Staff'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  method: 'post',
  path: '/',
  summary: 'Add a doctor or a manager: a one-time password goes to their phone by SMS (manager)',
  request: { body: { required: true, content: { 'application/json': { schema: CreateStaffRequest } } } },
  responses: {
    201: { description: 'Added; the SMS password works until `expiresAt`', ...json(StaffPasswordResult) },
    401: e[401],
    403: e[403],
    409: { ...e[409], description: '`phone_taken`' },
    422: e[422],
    502: { ...e[502], description: '`sms_unavailable`: nothing was added' },
  },
});

const update = createRoute({
  tags: ['Staff'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  method: 'patch',
  path: '/{id}',
  summary: "Change a staff member's name, a doctor's center or duty flag (manager)",
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: UpdateStaffRequest } } } },
  responses: { 200: { description: 'Changed', ...json(StaffMember) }, 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
});

const disable = createRoute({
  tags: ['Staff'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  method: 'post',
  path: '/{id}/disable',
  summary: 'Disable an account: it cannot sign in, every session ends at once; lists the open consultations to hand over (manager)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Disabled', ...json(DisableStaffResult) },
    401: e[401],
    403: e[403],
    404: e[404],
    409: conflictResponse(['own_account']),
  },
});

const enable = createRoute({
  tags: ['Staff'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  method: 'post',
  path: '/{id}/enable',
  summary: 'Let a disabled account sign in again (manager)',
  request: { params: IdParam },
  responses: { 200: { description: 'Enabled', ...json(StaffMember) }, 401: e[401], 403: e[403], 404: e[404] },
});

const password = createRoute({
  tags: ['Staff'],
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('manager')] as const,
  method: 'post',
  path: '/{id}/password',
  summary: 'Send a new one-time password by SMS; the old one and every session stop working (manager)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Sent', ...json(StaffPasswordResult) },
    401: e[401],
    403: e[403],
    404: e[404],
    502: { ...e[502], description: '`sms_unavailable`: nothing was changed' },
  },
});

export const staffRoutes = createRouter()
  .openapi(list, async (c) => c.json(await c.var.services.staff.list(auditActor(c)), 200))
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    return c.json(await c.var.services.staff.create(auditActor(c), { ...body, centerId: body.centerId ?? null, isDutyDoctor: body.isDutyDoctor ?? false }), 201);
  })
  .openapi(update, async (c) => c.json(await c.var.services.staff.update(auditActor(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(disable, async (c) => c.json(await c.var.services.staff.disable(auditActor(c), c.req.valid('param').id), 200))
  .openapi(enable, async (c) => c.json(await c.var.services.staff.enable(auditActor(c), c.req.valid('param').id), 200))
  .openapi(password, async (c) => c.json(await c.var.services.staff.sendPassword(auditActor(c), c.req.valid('param').id), 200));
