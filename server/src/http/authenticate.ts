import { createMiddleware } from 'hono/factory';
import type { Role } from '@oz/contracts';
import type { AppEnv } from './env.ts';
import { requestHeader } from './node-headers.ts';
import { DomainError, forbidden, unauthenticated } from '../services/domain-error.ts';

/**
 * A valid bearer token's principal on the context; a user still on a one-time password only where
 * `allowOneTimePassword`; of one of `roles` when given (else 403, after the token's 401).
 */
const authenticate = (allowOneTimePassword: boolean, roles?: readonly Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = requestHeader(c, 'authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) throw unauthenticated();
    const services = c.get('services');
    const principal = await services.accounts.authenticate(match[1]);
    if (principal.user.mustChangePassword && !allowOneTimePassword) {
      throw new DomainError('password_change_required', 'Set a new password first');
    }
    c.set('principal', principal);
    // Online, for the chat's SMS (sent only to someone away 10 minutes); written at most once a minute.
    await services.presence.seen(principal.user.id);
    if (roles && !roles.includes(principal.user.role)) throw forbidden();
    await next();
  });

/** Requires a valid bearer token of a user who has set their own password. */
export const requireAuth = authenticate(false);

/**
 * Also lets in a patient still on the one-time password from the SMS (DESIGN.md §2, path 3): for
 * the routes they need before setting their own (who am I, the new password, sign out), declared
 * on those routes.
 */
export const requireAuthEvenWithOneTimePassword = authenticate(true);

/**
 * requireAuth and requireRole in one middleware: the same checks in the same order, one layer
 * fewer on the hot read routes (each layer is an async call of its own).
 */
export const requireAuthAs = (...roles: Role[]) => authenticate(false, roles);

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('principal').user.role)) throw forbidden();
    await next();
  });
