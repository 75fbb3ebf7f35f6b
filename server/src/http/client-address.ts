import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './env.ts';

/**
 * The client's address for rate limiting. X-Forwarded-For is trusted only behind a configured
 * proxy; otherwise anyone could claim any address and dodge the limit. Even then only its last
 * entry, the one our proxy appended: the entries before it are whatever the client sent.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}
