import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

/**
 * stdout, written asynchronously (sonic-boom): a request never waits for the terminal or the log
 * collector, and lines logged while a write is under way leave together in the next one. (Holding
 * lines back for bigger writes measured no cheaper.) pino writes what is left when the process exits.
 */
function asyncStdout(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
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
