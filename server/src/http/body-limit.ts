import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './env.ts';
import { requestHeader } from './node-headers.ts';

/** JSON bodies of this API are small; a route that takes files declares its own limit with `routeBodyLimit`. */
const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** Room for the multipart envelope around the largest allowed file; the service checks the file itself. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/** The route's own limits, so the default knows to stand aside (a body gets one limit, not the smaller of two). */
const ROUTE_LIMITS = new WeakSet<MiddlewareHandler>();

/** A route's own body limit: first in its `middleware`, so an oversized body is refused before anything reads it. */
export function routeBodyLimit(maxBytes: (c: Context<AppEnv>) => number): MiddlewareHandler<AppEnv> {
  const limit = createMiddleware<AppEnv>((c, next) => bodyLimit({ maxSize: maxBytes(c) })(c, next));
  ROUTE_LIMITS.add(limit);
  return limit;
}

/** Uploads of files: the deployment's OZ_MAX_UPLOAD_MB and the multipart envelope. */
export const uploadBodyLimit = routeBodyLimit((c) => c.var.config.maxUploadBytes + MULTIPART_ENVELOPE_BYTES);

/** The JSON limit for every request whose route declares none. */
export const defaultBodyLimit = createMiddleware<AppEnv>((c, next) => {
  // @hono/node-server gives GET and HEAD no body; asking for one would build a whole Request.
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const declared = matchedRoutes(c).some((route) => ROUTE_LIMITS.has(route.handler));
  if (declared) return next();
  // A Content-Length within the limit (and no Transfer-Encoding) is all hono/body-limit checks;
  // checked here first, a POST without a body never builds the Request hono/body-limit asks for.
  const length = requestHeader(c, 'content-length');
  const withinLimit = length !== undefined && requestHeader(c, 'transfer-encoding') === undefined && !(parseInt(length, 10) > JSON_BODY_LIMIT_BYTES);
  return withinLimit ? next() : jsonLimit(c, next);
});

const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT_BYTES });
