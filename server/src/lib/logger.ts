import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

/**
 * stdout, written asynchronously (sonic-boom): a request never waits for the terminal or the log
 * collector. Lines gather up to 8 kB per write (into a file, one write per line cost /centers 30 %
 * of its throughput, in 8 kB blocks 15 %: `npm run bench:api`), and at most a second: a quiet
 * server's lines are not held back. pino writes what is left when the process exits.
 */
function asyncStdout(): DestinationStream {
  return pino.destination({ dest: 1, sync: false, minLength: 8192, periodicFlush: 1000 });
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

/** Writes out what the logger still holds. */
export function flushLog(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
