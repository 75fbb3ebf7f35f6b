import { writeSync } from 'node:fs';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';
import { StdoutLog } from './stdout-log.ts';

export type { Logger };

/** stdout, written asynchronously (lib/stdout-log.ts): a request never waits for the terminal or the log collector. */
function asyncStdout(): DestinationStream {
  return new StdoutLog();
}

/**
 * The server's structured log: one JSON line per event, `"level"` and `"at"` (ISO time) first, at
 * OZ_LOG_LEVEL; on stdout unless a test gives another destination. `flushLog` on shutdown.
 */
export function createLogger(level: Config['logLevel'], destination: DestinationStream = asyncStdout()): Logger {
  return pino(
    {
      level,
      base: undefined, // no pid or host name: one process per container, and the lines stay short
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The destination pino writes to: SonicBoom on stdout, or a test's `{write}`. */
type Destination = { write(text: string): unknown; flush?: (callback?: (error?: Error) => void) => void; flushSync?: () => void };

/**
 * Lines gathered into blocks this big before they go to the destination: each write costs a trip
 * through libuv's thread pool, about 50 µs of CPU however small it is (one write per line cost
 * /centers 30 % of its throughput, 8 kB blocks 10 %, 64 kB blocks under 2 %: `npm run bench:api`).
 * At 40,000 answers a second that is a block every 10 ms; a quiet server's wait `WAIT_MS`.
 */
const BLOCK_CHARS = 65_536;
/** A quiet server's lines wait at most this long. */
const WAIT_MS = 500;

/**
 * Whole lines to a logger's destination in blocks: one write per line handed SonicBoom a string
 * to measure and append to its pending block each time (half the request log's cost in
 * `npm run bench:api`); here a line is one push, and a block one join.
 */
class BlockWriter {
  #lines: string[] = [];
  #chars = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly destination: Destination) {}

  readonly write = (line: string): void => {
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#chars >= BLOCK_CHARS) this.flush();
    else this.#timer ??= setTimeout(this.#flushQuiet, WAIT_MS).unref();
  };

  /** Hands over everything gathered. */
  readonly flush = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#lines.length === 0) return;
    const block = this.#lines.join('');
    this.#lines = [];
    this.#chars = 0;
    this.destination.write(block);
  };

  /** At exit, synchronously: the destination's pending writes, then what is gathered here. */
  flushAtExit(): void {
    const block = this.#lines.join('');
    this.#lines = [];
    const fd = (this.destination as { fd?: number }).fd;
    try {
      if (typeof fd === 'number' && fd >= 0 && this.destination.flushSync) {
        this.destination.flushSync();
        if (block) writeSync(fd, block);
      } else if (block) {
        this.destination.write(block);
      }
    } catch {
      // Nothing more can be done for the log while the process exits.
    }
  }

  /** A partial block: the destination would hold it for its own block, so it is told to write now. */
  readonly #flushQuiet = (): void => {
    this.flush();
    this.destination.flush?.();
  };
}

const blockWriters = new WeakMap<Logger, BlockWriter>();
/** The writers to flush when the process ends (a server has one; tests make a few). */
const everyWriter = new Set<BlockWriter>();
let flushAtExit: (() => void) | undefined;

/**
 * Writes whole lines (each ending in \n) to the logger's destination, as pino's own lines are,
 * gathered into blocks and written at least every half second. For lines built by hand from
 * known fields (http/request-log.ts); `flushLog` writes out what is gathered.
 */
export function lineWriter(logger: Logger): (line: string) => void {
  let writer = blockWriters.get(logger);
  if (!writer) {
    writer = new BlockWriter((logger as unknown as Record<symbol, Destination>)[pino.symbols.streamSym]!);
    blockWriters.set(logger, writer);
    everyWriter.add(writer);
    if (!flushAtExit) {
      flushAtExit = () => {
        for (const each of everyWriter) each.flushAtExit();
      };
      process.once('exit', flushAtExit);
    }
  }
  return writer.write;
}

/** Writes out what the logger still holds, and the lines gathered for it; resolves once they are written. */
export function flushLog(logger: Logger): Promise<void> {
  blockWriters.get(logger)?.flush();
  const stream = (logger as unknown as Record<symbol, Destination>)[pino.symbols.streamSym]!;
  return new Promise<void>((resolve) => logger.flush(() => resolve())).then(() => writesDone(stream));
}

/**
 * SonicBoom's flush calls back at once when it has no minimum length (stdout's, and
 * pino.destination's by default), while its last writes may still be under way; it says 'drain'
 * when they are done (or 'error'). Without this a shutdown could lose the last lines.
 */
function writesDone(stream: Destination): Promise<void> {
  const boom = stream as Destination & { _writing?: boolean; once?: (event: string, listener: () => void) => unknown };
  if (!boom._writing || !boom.once) return Promise.resolve();
  return new Promise((resolve) => {
    boom.once!('drain', resolve);
    boom.once!('error', resolve);
  });
}
