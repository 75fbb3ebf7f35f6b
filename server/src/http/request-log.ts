import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import type { Logger } from '../lib/logger.ts';

/**
 * One log line per request at level info: request id, method, route pattern, status, duration in
 * ms. Never bodies, headers or query strings: they carry passwords, tokens and personal data.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  if (!logger.isLevelEnabled('info')) return (_c, next) => next();
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
}
