import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';

/**
 * One JSON line per request: method, route pattern, status, duration, request id. Never bodies,
 * headers or query strings: they carry passwords, tokens and personal data.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  if (c.var.config.logLevel !== 'info') return;
  const line = {
    at: new Date().toISOString(),
    requestId: c.var.requestId,
    method: c.req.method,
    route: c.req.routePath,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
});
