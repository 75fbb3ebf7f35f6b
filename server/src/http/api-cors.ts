import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import type { ServerResponse } from 'node:http';
import { requestHeader, setResponseHeader } from './node-headers.ts';
import { setHeaderBeforeAnswer } from './headers-before-answer.ts';

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
  /** The headers of a request that is not a preflight, by its Origin, into `set`. */
  const setHeaders = <T>(target: T, set: (target: T, name: string, value: string) => void, origin: string | undefined) => {
    if (origin && allowed.has(origin)) set(target, 'Access-Control-Allow-Origin', origin);
    set(target, 'Access-Control-Expose-Headers', exposed);
    // Origin: the CORS headers above; Accept-Encoding: compressed or not (http/compress-answer.ts),
    // said on every answer so that a shared cache never gives a compressed one to who did not ask.
    set(target, 'Vary', 'Origin, Accept-Encoding');
  };
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    setHeaders(c, setResponseHeader, requestHeader(c, 'origin'));
    await next();
  });
  /** The same headers straight on Node's response (http/cached-read-lane.ts). */
  const onNode = (outgoing: ServerResponse, origin: string | undefined) => setHeaders(outgoing, setHeaderBeforeAnswer, origin);
  return Object.assign(middleware, { onNode });
}
