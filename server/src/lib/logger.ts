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
type Destination = { write(text: string | Buffer): unknown; flush?: (callback?: (error?: Error) => void) => void; flushSync?: () => void };

/**
 * Lines gathered into blocks this big before they go to the destination: each write costs a trip
 * through libuv's thread pool, about 50 µs of CPU however small it is (one write per line cost
 * /centers 30 % of its throughput, 8 kB blocks 10 %, 64 kB blocks under 2 %: `npm run bench:api`).
 * At 40,000 answers a second that is a block every 10 ms; a quiet server's wait `WAIT_MS`.
 */
const BLOCK_BYTES = 65_536;
/** A quiet server's lines wait at most this long. */
const WAIT_MS = 500;

/**
 * Where lines are gathered for a logger's destination: the block being filled. A line is written
 * straight into it, in place (`reserve`, then `commit`: the request log, with no string for the
 * whole line to build and copy), or copied from a string (`write`).
 */
export interface LineBlocks {
  /** Whole lines, each ending in \n. */
  write(line: string): void;
  /** Makes room for a line of at most `bytes` (sending the block first if it is too full) and says where it starts in `block`. */
  reserve(bytes: number): number;
  /** The block to write a reserved line into: read it after `reserve`, which may start a new one. */
  readonly block: Buffer;
  /** Ends the reserved line, which now ends at `end`. */
  commit(end: number): void;
}

/** Whole lines to a logger's destination in blocks of `BLOCK_BYTES`. */
class BlockWriter implements LineBlocks {
  #block = Buffer.allocUnsafe(BLOCK_BYTES);
  #used = 0;
  #timer: NodeJS.Timeout | undefined;
  /** The stdout log takes Buffers as they are; any other destination (a test's) gets text. */
  readonly #takesBuffers: boolean;

  constructor(private readonly destination: Destination) {
    this.#takesBuffers = destination instanceof StdoutLog;
  }

  get block(): Buffer {
    return this.#block;
  }

  readonly reserve = (bytes: number): number => {
    if (bytes > BLOCK_BYTES) throw new RangeError(`a line of ${bytes} bytes is more than a block`);
    if (this.#used + bytes > BLOCK_BYTES) this.flush();
    return this.#used;
  };

  readonly commit = (end: number): void => {
    this.#used = end;
    this.#timer ??= setTimeout(this.#flushQuiet, WAIT_MS).unref();
  };

  readonly write = (line: string): void => {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const most = 3 * line.length;
    if (most > BLOCK_BYTES) {
      this.flush();
      this.#send(Buffer.from(line));
      return;
    }
    const at = this.reserve(most);
    this.commit(at + this.#block.write(line, at));
  };

  /** Hands over everything gathered. */
  readonly flush = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const block = this.#take();
    if (block) this.#send(block);
  };

  /** The lines gathered, and a fresh block for the next ones: the destination may hold the old one a while. */
  #take(): Buffer | undefined {
    if (this.#used === 0) return undefined;
    const block = this.#block.subarray(0, this.#used);
    this.#block = Buffer.allocUnsafe(BLOCK_BYTES);
    this.#used = 0;
    return block;
  }

  #send(block: Buffer): void {
    this.destination.write(this.#takesBuffers ? block : block.toString());
  }

  /** At exit, synchronously: the destination's pending writes, then what is gathered here. */
  flushAtExit(): void {
    const block = this.#take();
    const fd = (this.destination as { fd?: number }).fd;
    try {
      if (typeof fd === 'number' && fd >= 0 && this.destination.flushSync) {
        this.destination.flushSync();
        if (block) writeSync(fd, block);
      } else if (block) {
        this.#send(block);
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
 * The blocks of lines for the logger's destination, as pino's own lines are written there,
 * gathered and written at least every half second. For lines made by hand from known fields
 * (http/request-log.ts); `flushLog` writes out what is gathered.
 */
export function lineBlocks(logger: Logger): LineBlocks {
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
  return writer;
}

/** Writes whole lines (each ending in \n) to the logger's destination, in `lineBlocks`. */
export const lineWriter = (logger: Logger): ((line: string) => void) => lineBlocks(logger).write;

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
