import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './env.ts';

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
  const declared = matchedRoutes(c).some((route) => ROUTE_LIMITS.has(route.handler));
  return declared ? next() : jsonLimit(c, next);
});

const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT_BYTES });
