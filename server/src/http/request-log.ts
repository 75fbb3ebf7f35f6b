import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { lineWriter, type Logger } from '../lib/logger.ts';

/** JSON of the few strings a line repeats (route patterns, methods), made once each. */
const quoted = new Map<string, string>();
function quote(text: string): string {
  let json = quoted.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    if (quoted.size < 1_000) quoted.set(text, json);
  }
  return json;
}

/** The ISO time of the current millisecond, made once per millisecond however many lines share it. */
let lastMs = 0;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/**
 * One log line per request at level info: request id, method, route pattern, status, duration in
 * ms. Never bodies, headers or query strings: they carry passwords, tokens and personal data.
 * The line is the one pino writes for these fields (`"level"` and `"at"` first, lib/logger.ts),
 * built here from known fields and handed to the logger's own asynchronous destination in blocks
 * (lib/logger.ts): pino's general path cost the API up to a fifth of its throughput (`npm run bench:api`).
 */
export function requestLogLine(logger: Logger): ((c: Context<AppEnv>, started: number) => void) | undefined {
  const log = requestLogFields(logger);
  /** `started`: performance.now() when the request came. */
  return log && ((c, started) => log(c.get('requestId'), c.req.method, c.req.routePath, c.res.status, started));
}

/** The same line from its fields, for an answer made without Hono (http/cached-read-lane.ts). */
export function requestLogFields(logger: Logger): ((requestId: string, method: string, route: string, status: number, started: number) => void) | undefined {
  if (!logger.isLevelEnabled('info')) return undefined;
  const write = lineWriter(logger);
  return (requestId, method, route, status, started) => {
    // requestId is a UUID or matched /^[\w\-=]{1,255}$/ (http/request-id.ts): nothing in it to escape.
    write(
      `{"level":"info","at":"${isoNow()}","requestId":"${requestId}","method":${quote(method)},"route":${quote(route)},"status":${status},"ms":${Math.round(performance.now() - started)}}\n`,
    );
  };
}
