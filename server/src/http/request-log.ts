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
  if (!logger.isLevelEnabled('info')) return undefined;
  const write = lineWriter(logger);
  /** `started`: performance.now() when the request came. */
  return (c, started) => {
    // requestId is a UUID or matched /^[\w\-=]{1,255}$/ (http/request-id.ts): nothing in it to escape.
    write(
      `{"level":"info","at":"${isoNow()}","requestId":"${c.get('requestId')}","method":${quote(c.req.method)},"route":${quote(c.req.routePath)},"status":${c.res.status},"ms":${Math.round(performance.now() - started)}}\n`,
    );
  };
}
