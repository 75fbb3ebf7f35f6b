import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { lineBlocks, type LineBlocks, type Logger } from '../lib/logger.ts';

/**
 * A line's start up to its request id, `{"level":"info","at":"<ISO time>","requestId":"`, made
 * once per millisecond however many lines share it.
 */
let headMs = 0;
let head = Buffer.alloc(0);
function headAt(ms: number): Buffer {
  if (ms !== headMs) {
    headMs = ms;
    head = Buffer.from(`{"level":"info","at":"${new Date(ms).toISOString()}","requestId":"`);
  }
  return head;
}

/** A line's middle, `","method":"GET","route":"/api/v1/centers","status":200,"ms":`, made once for each of the few there are. */
const middles = new Map<string, Buffer>();
function middleOf(method: string, route: string, status: number): Buffer {
  const key = `${status} ${method} ${route}`;
  let middle = middles.get(key);
  if (middle === undefined) {
    middle = Buffer.from(`","method":${JSON.stringify(method)},"route":${JSON.stringify(route)},"status":${status},"ms":`);
    if (middles.size < 1_000) middles.set(key, middle);
  }
  return middle;
}

/** The longest request id (http/request-id.ts), and room for the duration's digits and the line's end. */
const ID_AND_TAIL_BYTES = 255 + 24;
const DIGIT_ZERO = 0x30;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;

/**
 * Writes a line into the log's block in place, from pieces already in bytes but the request id
 * and the duration: no string for the whole line to make, keep and copy (`npm run bench:api`).
 */
function writeLine(blocks: LineBlocks, head: Buffer, requestId: string, middle: Buffer, ms: number): void {
  let at = blocks.reserve(head.length + middle.length + ID_AND_TAIL_BYTES);
  const block = blocks.block;
  block.set(head, at);
  at += head.length;
  // requestId is a UUID or matched /^[\w\-=]{1,255}$/ (http/request-id.ts): ASCII, nothing in it to escape.
  at += block.write(requestId, at, 'latin1');
  block.set(middle, at);
  at += middle.length;
  if (ms < 10) block[at++] = DIGIT_ZERO + ms;
  else at += block.write(String(ms), at, 'latin1');
  block[at++] = CLOSE_BRACE;
  block[at++] = NEWLINE;
  blocks.commit(at);
}

/**
 * One log line per request at level info: request id, method, route pattern, status, duration in
 * ms. Never bodies, headers or query strings: they carry passwords, tokens and personal data.
 * The line is the one pino writes for these fields (`"level"` and `"at"` first, lib/logger.ts),
 * built here from known fields into the blocks the logger's own asynchronous destination is given
 * (lib/logger.ts): pino's general path cost the API up to a fifth of its throughput (`npm run bench:api`).
 */
export interface RequestLog {
  /** When a request came (Date.now()), or 0 while the logger is below info: no line then. */
  start(): number;
  /** The line of a request answered by Hono. */
  line(c: Context<AppEnv>, started: number): void;
  /** The part of a line that `method`, `route` and `status` fix, for an answerer that knows them ahead. */
  middle(method: string, route: string, status: number): Buffer;
  /** The line of a request answered without Hono (http/cached-read-lane.ts), with its `middle`. */
  lineWith(requestId: string, middle: Buffer, started: number): void;
}

/**
 * The request log of `logger`, on and off with its level at run time (pino says 'level-change'):
 * a boolean per request, so `npm run bench:api` can measure the log in one app, switched in turns.
 * One clock read when a request comes and one for its line, which gives both the time and the
 * duration: whole milliseconds are all the line shows.
 */
export function requestLog(logger: Logger): RequestLog {
  let on = logger.isLevelEnabled('info');
  logger.on('level-change', () => (on = logger.isLevelEnabled('info')));
  // Made at the first line: an app whose log stays off keeps no blocks to flush at exit.
  let blocks: LineBlocks | undefined;
  const lineWith = (requestId: string, middle: Buffer, started: number): void => {
    // A request that came while the log was off has no start to measure from.
    if (started === 0) return;
    const now = Date.now();
    // The wall clock may step back: a duration is then 0, never negative.
    writeLine((blocks ??= lineBlocks(logger)), headAt(now), requestId, middle, now > started ? now - started : 0);
  };
  return {
    start: () => (on ? Date.now() : 0),
    line: (c, started) => {
      if (started !== 0) lineWith(c.get('requestId'), middleOf(c.req.method, c.req.routePath, c.res.status), started);
    },
    middle: middleOf,
    lineWith,
  };
}
