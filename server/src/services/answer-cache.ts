import type { ReadVersions } from './read-versions.ts';

/**
 * Even with no change heard, an answer is made again after this long: the bound on how stale
 * an answer can be when a notice between instances was lost (its NOTIFY failed after the write
 * committed) or a write bypassed the API (the `oz` CLI straight into the database).
 */
export const ANSWER_MAX_AGE_MS = 30_000;
/** The bytes of answers kept; the oldest go first beyond it. */
const MAX_BYTES = 32 * 1024 * 1024;

interface Entry {
  body: Buffer;
  stamp: number;
  topics: readonly string[];
  /** Epoch ms after which the answer is made again (a slot in it starts, or the maximum age). */
  until: number;
}

/** Where a read that missed the cache stores its answer: its key, topics and the stamp taken before it read. */
export interface PendingAnswer {
  key: string;
  topics: readonly string[];
  stamp: number;
}

/**
 * Serialised answers of frequent reads (the free duty slots, a person's consultations), kept
 * while nothing they were made from has changed and they have not expired. The key says whose
 * and which answer it is: the caller puts the person in it, never only the query.
 */
export class AnswerCache {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(
    readonly versions: ReadVersions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The fresh answer under `key`, if one is kept. */
  get(key: string): Buffer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now().getTime() && this.versions.isFresh(entry.stamp, entry.topics)) return entry.body;
    this.#drop(key, entry);
    return undefined;
  }

  /** Before a read that missed: where its answer goes with `put` once it is made. */
  pending(key: string, topics: readonly string[]): PendingAnswer {
    return { key, topics, stamp: this.versions.stamp() };
  }

  /** Keeps the answer unless something it was made from changed while it was made; `until`: when it expires by itself. */
  put(pending: PendingAnswer, body: Buffer, until = Infinity): void {
    if (!this.versions.isFresh(pending.stamp, pending.topics)) return;
    const old = this.#entries.get(pending.key);
    if (old) this.#drop(pending.key, old);
    const entry = { body, stamp: pending.stamp, topics: pending.topics, until: Math.min(until, this.now().getTime() + ANSWER_MAX_AGE_MS) };
    this.#entries.set(pending.key, entry);
    this.#bytes += body.byteLength + pending.key.length;
    for (const [key, oldest] of this.#entries) {
      if (this.#bytes <= MAX_BYTES) break;
      this.#drop(key, oldest);
    }
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.byteLength + key.length;
  }
}
