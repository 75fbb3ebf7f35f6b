import { createMiddleware } from 'hono/factory';
import type { Role } from '@oz/contracts';
import type { AppEnv } from './env.ts';
import { ApiError, forbidden, unauthenticated } from './api-error.ts';

/** Routes a user with a one-time password may still use (DESIGN.md §2, path 3). */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/v1/me', '/api/v1/auth/password', '/api/v1/auth/logout']);

/** Requires a valid bearer token and puts its principal on the context. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) throw unauthenticated();
  const principal = await c.var.services.accounts.authenticate(match[1]);
  if (principal.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
    throw new ApiError(403, 'password_change_required', 'Set a new password first');
  }
  c.set('principal', principal);
  await next();
});

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.principal.user.role)) throw forbidden();
    await next();
  });
