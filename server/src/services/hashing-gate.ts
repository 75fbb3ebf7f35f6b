import { DomainError } from './domain-error.ts';

/** How long a client waits before trying again when the queue is full. */
export const HASHING_RETRY_SECONDS = 5;

/**
 * How many password derivations run at once, and how many may wait, in the whole process.
 * scrypt runs on libuv's thread pool (four threads), which every file read and write shares:
 * without a cap, eight sign-ins with unknown phones took a 7 ms upload to 1.7 s. Two threads
 * derive; the others stay free for files. Past the queue the API answers 503 with Retry-After
 * rather than make everyone wait, so a flood of sign-ins cannot stall the rest of the service.
 */
export class HashingGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly concurrency = 2,
    readonly queueLength = 32,
  ) {}

  /** Runs `work` when a place is free; 'unavailable' (503) at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running < this.concurrency) {
      this.#running += 1;
    } else {
      if (this.#waiting.length >= this.queueLength) {
        throw new DomainError('unavailable', 'Too many sign-ins at this moment; please try again in a few seconds', {
          retryAfterSeconds: HASHING_RETRY_SECONDS,
        });
      }
      // The place of a finished derivation passes straight to the first in line.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }

  /** Derivations running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }
}
