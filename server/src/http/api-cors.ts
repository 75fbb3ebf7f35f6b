import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { requestHeader, setResponseHeader } from './node-headers.ts';

const EXPOSE_HEADERS = ['Retry-After', 'X-Request-Id', 'Content-Disposition'];

/**
 * CORS of the API: only configured embedding sites; an unlisted origin gets no
 * Access-Control-Allow-Origin at all. Preflights go through hono/cors. Other requests get the
 * same headers as hono/cors gives them, but set before the handler answers (http/node-headers.ts):
 * hono/cors writes them to `c.res` first, and Hono then rebuilds every answer as a stream to merge
 * them in, which cost most of the API's throughput.
 */
export function apiCors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    // PATCH: the manager's <oz-staff> changes a staff account (PATCH /staff/:id) from an embedding site.
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: 600,
  });
  const exposed = EXPOSE_HEADERS.join(',');
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = requestHeader(c, 'origin');
    if (origin && allowed.has(origin)) setResponseHeader(c, 'Access-Control-Allow-Origin', origin);
    setResponseHeader(c, 'Access-Control-Expose-Headers', exposed);
    // Origin: the CORS headers above; Accept-Encoding: compressed or not (http/compress-answer.ts),
    // said on every answer so that a shared cache never gives a compressed one to who did not ask.
    setResponseHeader(c, 'Vary', 'Origin, Accept-Encoding');
    await next();
  });
}
