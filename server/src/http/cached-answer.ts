import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import type { PendingAnswer } from '../services/answer-cache.ts';
import { keepCompressedForms } from './compress-answer.ts';

/** Path and query as the client sent them: on Node the request line's, else from the URL. */
function requestTarget(c: Context): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming;
  if (incoming?.url !== undefined) return incoming.url;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** The cached answer's key and topics. */
export interface CacheRule {
  topics: (c: Context<AppEnv>) => readonly string[];
  /** Each signed-in person's own answer: their id goes into the key, so no one gets another's. */
  personal?: boolean;
}

/** The key of the kept answer to `target` (path and query as sent), `personId`'s own on a personal route. */
export const answerKey = (rule: CacheRule, personId: string | undefined, target: string) => `${rule.personal ? personId : ''} ${target}`;

const rules = new WeakMap<MiddlewareHandler, CacheRule>();

/** The rule of a middleware made here, for the cached-read lane (http/cached-read-lane.ts). */
export const cacheRuleOf = (handler: unknown): CacheRule | undefined => rules.get(handler as MiddlewareHandler);

/**
 * Answers a read from services.answers when a fresh answer to this very request target is kept:
 * before the query is validated (the same target validated before) and after authentication
 * (declared after requireAuth in the route's middleware, so a revoked token still gets 401).
 * Otherwise the handler makes the answer and hands it to `cachedJson`.
 */
export function cachedAnswer(rule: CacheRule): MiddlewareHandler<AppEnv> {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const key = answerKey(rule, rule.personal ? c.get('principal').user.id : undefined, requestTarget(c));
    const { answers } = c.get('services');
    const found = answers.get(key);
    if (found) return jsonBytes(c, found);
    c.set('pendingAnswer', answers.pending(key, rule.topics(c)));
    await next();
  });
  rules.set(middleware, rule);
  return middleware;
}

/** The handler's answer as JSON, kept for the next identical request until `until` (epoch ms) at most. */
export function cachedJson<T>(c: Context<AppEnv>, value: T, until?: number): Response & TypedResponse<T, 200, 'json'> {
  const body = Buffer.from(JSON.stringify(value));
  const pending: PendingAnswer | undefined = c.get('pendingAnswer');
  if (pending) {
    c.get('services').answers.put(pending, body, until);
    keepCompressedForms(body); // compressed once, not at each hit (http/compress-answer.ts)
  }
  return jsonBytes(c, body) as unknown as Response & TypedResponse<T, 200, 'json'>;
}

/** The same bytes and Content-Type as c.json's. */
const jsonBytes = (c: Context, body: Buffer) => c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
