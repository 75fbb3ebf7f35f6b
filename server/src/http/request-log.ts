import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { holdLines, lineWriter, type Logger } from '../lib/logger.ts';

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

/** The ISO time of a millisecond, made once per millisecond however many lines share it. */
let lastMs = 0;
let lastIso = '';
function isoAt(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** Answers whose fields are kept before their lines are made: about 48 kB of lines. */
const HELD_ANSWERS = 256;

/**
 * The request log's fields, kept as each answer goes out and made into lines a few hundred at a
 * time. Made one by one between two answers' work, a line cost a server 2-3 µs of CPU, three or
 * four times what the same code costs in a loop (bench:api's one-process comparison against
 * bench/request-log-line.ts): its code and data were cold again each time. Kept, an answer pays a
 * few stores into arrays made once.
 */
class HeldAnswers {
  readonly #ids: string[] = new Array<string>(HELD_ANSWERS).fill('');
  readonly #methods: string[] = new Array<string>(HELD_ANSWERS).fill('');
  readonly #routes: string[] = new Array<string>(HELD_ANSWERS).fill('');
  readonly #statuses = new Uint16Array(HELD_ANSWERS);
  readonly #durations = new Float64Array(HELD_ANSWERS);
  readonly #times = new Float64Array(HELD_ANSWERS);
  #count = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (line: string) => void) {}

  readonly add = (requestId: string, method: string, route: string, status: number, started: number): void => {
    const index = this.#count;
    this.#ids[index] = requestId;
    this.#methods[index] = method;
    this.#routes[index] = route;
    this.#statuses[index] = status;
    this.#durations[index] = performance.now() - started;
    this.#times[index] = Date.now();
    this.#count = index + 1;
    if (this.#count === HELD_ANSWERS) this.makeLines();
    // A quiet server's lines: made within the logger's own wait (lib/logger.ts), not kept for the next answer.
    else this.#timer ??= setTimeout(this.makeLines, 250).unref();
  };

  /** Writes the lines of what is held (lib/logger.ts calls it before every block, at exit and in flushLog). */
  readonly makeLines = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const count = this.#count;
    this.#count = 0;
    for (let index = 0; index < count; index += 1) {
      // requestId is a UUID or matched /^[\w\-=]{1,255}$/ (http/request-id.ts): nothing in it to escape.
      this.write(
        `{"level":"info","at":"${isoAt(this.#times[index]!)}","requestId":"${this.#ids[index]}","method":${quote(this.#methods[index]!)},"route":${quote(this.#routes[index]!)},"status":${this.#statuses[index]},"ms":${Math.round(this.#durations[index]!)}}\n`,
      );
    }
  };
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
  let held = heldFor.get(logger);
  if (!held) {
    held = new HeldAnswers(lineWriter(logger));
    holdLines(logger, held.makeLines);
    heldFor.set(logger, held);
  }
  return held.add;
}

/** One store of fields per logger: the lane's answers and Hono's go into the same lines, in order. */
const heldFor = new WeakMap<Logger, HeldAnswers>();
