import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '@oz/contracts';
import type { AppEnv, Principal } from './env.ts';
import type { Services } from '../services/index.ts';
import { requestHeader } from './node-headers.ts';
import { DomainError, forbidden, unauthenticated } from '../services/domain-error.ts';

/** Who may pass: a user still on a one-time password only where allowed; of one of `roles` when given. */
export interface AuthRule {
  allowOneTimePassword: boolean;
  roles?: readonly Role[] | undefined;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/;

/**
 * The principal of a request's Authorization header under `rule`, or the DomainError the API
 * answers with: 401 for a missing, unknown, revoked or expired token, then the one-time password's
 * 403, then the role's 403. The principal is marked online on the way.
 */
export async function authorize(services: Services, authorization: string | undefined, rule: AuthRule): Promise<Principal> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) throw unauthenticated();
  const principal = await services.accounts.authenticate(token);
  if (!mayUseOneTimePassword(principal, rule)) throw new DomainError('password_change_required', 'Set a new password first');
  // Online, for the chat's SMS (sent only to someone away 10 minutes); written at most once a minute.
  await services.presence.seen(principal.user.id);
  if (!hasRole(principal, rule)) throw forbidden();
  return principal;
}

/**
 * `authorize` without waiting, for a token whose session was checked lately (services/session-cache.ts)
 * and that passes `rule`; undefined for anything else, which `authorize` then answers. Last-seen
 * is not waited for: it never fails a request.
 */
export function authorizeKnownSession(services: Services, authorization: string | undefined, rule: AuthRule): Principal | undefined {
  const token = BEARER.exec(authorization ?? '')?.[1];
  const principal = token === undefined ? undefined : services.accounts.knownSession(token);
  if (!principal || !mayUseOneTimePassword(principal, rule) || !hasRole(principal, rule)) return undefined;
  void services.presence.seen(principal.user.id);
  return principal;
}

const mayUseOneTimePassword = (principal: Principal, rule: AuthRule) => !principal.user.mustChangePassword || rule.allowOneTimePassword;
const hasRole = (principal: Principal, rule: AuthRule) => !rule.roles || rule.roles.includes(principal.user.role);

const rules = new WeakMap<MiddlewareHandler, AuthRule>();

/** The rule of a middleware made here, for the cached-read lane (http/cached-read-lane.ts). */
export const authRuleOf = (handler: unknown): AuthRule | undefined => rules.get(handler as MiddlewareHandler);

/** A valid bearer token's principal on the context, under `rule` (see `authorize`). */
function authenticate(rule: AuthRule): MiddlewareHandler<AppEnv> {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    c.set('principal', await authorize(c.get('services'), requestHeader(c, 'authorization'), rule));
    await next();
  });
  rules.set(middleware, rule);
  return middleware;
}

/** Requires a valid bearer token of a user who has set their own password. */
export const requireAuth = authenticate({ allowOneTimePassword: false });

/**
 * Also lets in a patient still on the one-time password from the SMS (DESIGN.md §2, path 3): for
 * the routes they need before setting their own (who am I, the new password, sign out), declared
 * on those routes.
 */
export const requireAuthEvenWithOneTimePassword = authenticate({ allowOneTimePassword: true });

/**
 * requireAuth and requireRole in one middleware: the same checks in the same order, one layer
 * fewer on the hot read routes (each layer is an async call of its own).
 */
export const requireAuthAs = (...roles: Role[]) => authenticate({ allowOneTimePassword: false, roles });

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('principal').user.role)) throw forbidden();
    await next();
  });
