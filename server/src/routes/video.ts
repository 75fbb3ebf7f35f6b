import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { SpeedTestResult, VideoJoin } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth, requireRole } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { IdParam } from '../http/params.ts';
import { routeBodyLimit } from '../http/body-limit.ts';

const SPEED_TEST_MAX_BYTES = 4 * 1024 * 1024;

const join = createRoute({
  method: 'post',
  path: '/consultations/{id}/video',
  tags: ['Video'],
  summary: 'Join the consultation\'s video room (its patient or doctor, from 15 minutes before the start to 60 minutes after the planned end)',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('patient', 'doctor')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'How to join: an OpenVidu token, or the embedded signaling room', ...json(VideoJoin) },
    401: e[401],
    404: e[404],
    409: { ...e[409], description: '`room_closed`: not open now; `details.opensAt` and `details.closesAt` say when. `call_ended` (patient): the doctor ended the call and has not rejoined' },
    502: { ...e[502], description: '`video_unavailable`: the video server refused us or cannot be reached' },
  },
});

const end = createRoute({
  method: 'post',
  path: '/consultations/{id}/video/end',
  tags: ['Video'],
  summary: 'The doctor ends the call for both participants; the consultation\'s `callEndedAt` is set until the doctor joins again',
  security: bearerSecurity,
  middleware: [requireAuth, requireRole('doctor')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Ended' }, 401: e[401], 403: e[403], 404: e[404] },
});

const download = createRoute({
  method: 'get',
  path: '/video/speedtest',
  tags: ['Video'],
  summary: 'Connection test: `bytes` random bytes to measure the downstream',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { query: z.object({ bytes: z.coerce.number().int().min(1).max(SPEED_TEST_MAX_BYTES).default(1024 * 1024) }) },
  responses: {
    200: { description: 'Random bytes', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    401: e[401],
    422: e[422],
  },
});

const upload = createRoute({
  method: 'post',
  path: '/video/speedtest',
  tags: ['Video'],
  summary: 'Connection test: send up to 4 MB to measure the upstream',
  security: bearerSecurity,
  middleware: [routeBodyLimit(() => SPEED_TEST_MAX_BYTES), requireAuth] as const,
  responses: { 200: { description: 'What arrived', ...json(SpeedTestResult) }, 401: e[401], 413: e[413] },
});

/** The API's public origin, for links the browser follows (the signaling WebSocket). */
function publicOrigin(c: Context<AppEnv>): string {
  const { publicUrl, trustProxy } = c.var.config;
  if (publicUrl) return new URL(publicUrl).origin;
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

export const videoRoutes = createRouter()
  .openapi(join, async (c) => {
    const { services, principal } = c.var;
    return c.json(await services.video.join(principal.user, principal.tokenId, c.req.valid('param').id, publicOrigin(c)), 200);
  })
  .openapi(end, async (c) => {
    await c.var.services.video.end(c.var.principal.user, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(download, (c) => {
    const { bytes } = c.req.valid('query');
    return c.body(randomBytes(bytes), 200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
  })
  .openapi(upload, async (c) => {
    const started = performance.now();
    const body = await c.req.arrayBuffer();
    return c.json({ receivedBytes: body.byteLength, ms: performance.now() - started }, 200);
  });
