import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { requestHeader, setResponseHeader } from './node-headers.ts';

/** What hono/request-id accepts from a proxy: up to 255 word characters, `-` and `=`. */
const GOOD_ID = /^[\w\-=]{1,255}$/;

/**
 * Every request's id, as hono/request-id gives it: the proxy's X-Request-Id when it is sound,
 * else a new UUID; in `c.var.requestId` and in the answer's X-Request-Id. (The request log writes
 * it into its line unescaped: it can hold nothing JSON would escape.)
 */
export function assignRequestId(c: Context<AppEnv>): string {
  const id = requestIdOf(requestHeader(c, 'x-request-id'));
  c.set('requestId', id);
  setResponseHeader(c, 'X-Request-Id', id);
  return id;
}

/** The proxy's X-Request-Id when it is sound, else a new UUID. */
export function requestIdOf(given: string | undefined): string {
  return given && GOOD_ID.test(given) ? given : randomUUID();
}
