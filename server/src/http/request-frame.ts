import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import type { Logger } from '../lib/logger.ts';
import { assignRequestId, requestIdOf } from './request-id.ts';
import { requestLog, type RequestLog } from './request-log.ts';
import { SECURE_BLOCK, setSecureHeaders } from './secure-headers.ts';
import { setResponseHeader } from './node-headers.ts';
import { setHeaderBeforeAnswer, setHeaderBlockBeforeAnswer } from './headers-before-answer.ts';
import { apiCors } from './api-cors.ts';
import { defaultBodyLimit } from './body-limit.ts';
import { compressAnswer, compressNodeAnswer } from './compress-answer.ts';

/**
 * Whether the request is for the API, as Hono's `/api/*` matches: on the path Hono routes by
 * (decoded, from an absolute-form target too), so no API request escapes CORS or the body limit.
 */
function isApi(c: Context): boolean {
  const path = c.req.path;
  return path === '/api' || path.startsWith('/api/');
}

/**
 * What every request gets, in one middleware rather than one each: its id, the config and
 * services on the context, the security headers, on the API `Cache-Control: no-store`, compression
 * (http/compress-answer.ts), CORS (only configured embedding sites, http/api-cors.ts) and the JSON
 * body limit (routes that take files declare their own, http/body-limit.ts), and its log line once answered. Each layer of Hono's chain is an async
 * call of its own, a measurable share of a small answer's cost.
 */
export function requestFrame(config: Config, services: Services, logger: Logger): MiddlewareHandler<AppEnv> {
  const log = requestLog(logger);
  const cors = apiCors(config.allowedOrigins);
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = log.start();
    setSecureHeaders(c); // first: a block of its own (http/headers-before-answer.ts)
    assignRequestId(c);
    c.set('config', config);
    c.set('services', services);
    if (isApi(c)) {
      // Answers carry personal data (and tokens, at sign-in): never kept by a browser or a proxy.
      // The public ones say otherwise themselves (the centers, the consent text, the API docs).
      setResponseHeader(c, 'Cache-Control', 'no-store');
      // JSON compressed for slow links when the request accepts it (http/compress-answer.ts).
      compressAnswer(c);
      const bodiless = c.req.method === 'GET' || c.req.method === 'HEAD';
      const answer = await cors(c, bodiless ? next : () => limitBody(c, next));
      // What Hono's chain does with an answer a middleware returns (a preflight's), before the log reads it.
      if (answer instanceof Response) c.res = answer;
    } else {
      await next();
    }
    log.line(c, started);
  };
  /** The API branch above, on Node's request and response (a test holds the two to the same headers). */
  const headOnNode = (incoming: IncomingMessage, outgoing: ServerResponse): string => {
    setHeaderBlockBeforeAnswer(outgoing, SECURE_BLOCK);
    const id = requestIdOf(incoming.headers['x-request-id'] as string | undefined);
    setHeaderBeforeAnswer(outgoing, 'X-Request-Id', id);
    setHeaderBeforeAnswer(outgoing, 'Cache-Control', 'no-store');
    compressNodeAnswer(outgoing, incoming.method, incoming.headers['accept-encoding']);
    cors.onNode(outgoing, incoming.headers.origin);
    return id;
  };
  frames.set(middleware, { services, headOnNode, log });
  return middleware;
}

/** What the cached-read lane (http/cached-read-lane.ts) takes from the frame to answer as it would. */
export interface ApiFrame {
  services: Services;
  /** Sets what requestFrame sets on an API answer's head; returns the request id. */
  headOnNode(incoming: IncomingMessage, outgoing: ServerResponse): string;
  log: RequestLog;
}

const frames = new WeakMap<MiddlewareHandler, ApiFrame>();

/** The frame of a middleware made by requestFrame. */
export const apiFrameOf = (handler: unknown): ApiFrame | undefined => frames.get(handler as MiddlewareHandler);

async function limitBody(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
  const answer = await defaultBodyLimit(c, next);
  if (answer instanceof Response) c.res = answer;
}
