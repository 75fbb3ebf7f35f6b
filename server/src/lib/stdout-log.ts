import SonicBoom from 'sonic-boom';

/**
 * The log's stdout: SonicBoom writing Buffers, asynchronously. In its text mode SonicBoom measures
 * its pending string on every write and encodes each block twice (once to write, once to release
 * it); handed Buffers it only queues them. With the request log's blocks of 64 kB that took the
 * log's cost from about 2 µs to a few tenths of a µs a line (`npm run bench:api`).
 */
export class StdoutLog {
  /** What pino's and the tests' checks read: stdout, never blocking a request. */
  readonly fd = 1;
  readonly sync = false;
  readonly #sonic = new SonicBoom({ fd: 1, sync: false, contentMode: 'buffer', minLength: 0, maxWrite: 1 << 20 });

  constructor() {
    // A closed stdout (the collector went away) must not bring the API down with it.
    this.#sonic.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.stderr.write(`log: ${error.message}\n`);
    });
    process.once('exit', () => this.flushSync());
  }

  write(text: string | Buffer): boolean {
    return this.#sonic.write((typeof text === 'string' ? Buffer.from(text) : text) as unknown as string);
  }

  flush(callback: (error?: Error) => void = () => {}): void {
    this.#sonic.flush(callback);
  }

  flushSync(): void {
    try {
      this.#sonic.flushSync();
    } catch {
      // Nothing more can be done for the log while the process exits.
    }
  }
}
