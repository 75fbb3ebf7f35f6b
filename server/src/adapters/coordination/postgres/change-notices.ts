import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChangeListener, ChangeNotices } from '../../../ports/change-notices.ts';
import type { PgBroadcast } from './broadcast.ts';

export const CHANGES_CHANNEL = 'oz_changes';

/**
 * Changes over NOTIFY/LISTEN: every instance hears every other's. While the LISTEN connection is
 * down (and until it first comes up) the listener is deaf, so no cached answer is used; once it
 * is back, everything cached before counts as stale.
 */
export class PostgresChangeNotices implements ChangeNotices {
  /** Own notices come back too; this instance has already marked its changes. */
  readonly #instance = randomUUID();
  #listener: ChangeListener | undefined;
  #closed = false;

  constructor(private readonly broadcast: PgBroadcast) {
    broadcast.on(CHANGES_CHANNEL, {
      wants: () => this.#listener !== undefined,
      receive: (_key, body) => {
        const { from, topics } = body as { from: string; topics: string[] };
        if (from !== this.#instance) this.#listener?.changed(topics);
      },
      interrupted: () => {
        this.#listener?.deaf();
        void this.#hearAgain();
      },
    });
  }

  listen(listener: ChangeListener): void {
    this.#listener = listener;
    listener.deaf();
    void this.#hearAgain();
  }

  publish(topics: readonly string[]): Promise<void> {
    // Notices with different first topics need not wait for each other: their order does not matter.
    return this.broadcast.send(CHANGES_CHANNEL, topics[0] ?? '', { from: this.#instance, topics });
  }

  close(): void {
    this.#closed = true;
  }

  async #hearAgain(): Promise<void> {
    while (!this.#closed) {
      try {
        await this.broadcast.listening();
        if (!this.#closed) this.#listener?.hearingAgain();
        return;
      } catch {
        await sleep(1_000, undefined, { ref: false });
      }
    }
  }
}
