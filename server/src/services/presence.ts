import type { Store } from '../ports/store.ts';

/** Away this long, a person is told of a new chat message by SMS (issue 11: «nothing missed»). */
export const ONLINE_WINDOW_MS = 10 * 60_000;
/** Last-seen is written at most this often per user and instance: a busy cabinet is not a write per request. */
const WRITE_EVERY_MS = 60_000;
/** Above this many remembered users the stale memory is dropped (it only saves writes). */
const MEMORY_LIMIT = 10_000;

/**
 * Who is online: an authenticated request, or a live notification stream held open, within the
 * last 10 minutes. Kept in the store so every API instance on one database agrees.
 */
export class PresenceService {
  /** When this instance last wrote each user's time. */
  readonly #written = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The user is here now. Never fails the request it is called from: last-seen only decides about an SMS. */
  async seen(userId: string): Promise<void> {
    const at = this.now().getTime();
    const last = this.#written.get(userId);
    if (last !== undefined && at >= last && at - last < WRITE_EVERY_MS) return;
    if (this.#written.size >= MEMORY_LIMIT) this.#forgetStale(at);
    this.#written.set(userId, at);
    try {
      await this.store.presence.seen(userId, new Date(at).toISOString());
    } catch (error) {
      this.#written.delete(userId);
      console.error(JSON.stringify({ at: new Date().toISOString(), error: `last-seen not saved: ${error instanceof Error ? error.message : String(error)}` }));
    }
  }

  async isOnline(userId: string): Promise<boolean> {
    const seenAt = await this.store.presence.lastSeen(userId);
    return seenAt !== undefined && Date.parse(seenAt) > this.now().getTime() - ONLINE_WINDOW_MS;
  }

  #forgetStale(at: number): void {
    for (const [userId, written] of this.#written) if (at - written >= WRITE_EVERY_MS) this.#written.delete(userId);
    if (this.#written.size >= MEMORY_LIMIT) this.#written.clear();
  }
}
