import type { SqlQueryable } from '../../store/postgres/sql.ts';
import { PgListener } from './listener.ts';
import { logCoordination } from './pool.ts';

/** NOTIFY takes less than 8000 bytes; a bigger message goes through oz_notify_payloads (margin for the envelope). */
const INLINE_MAX_BYTES = 7_000;
const SWEEP_EVERY_MS = 30_000;

export interface BroadcastReceiver {
  /** Whether this instance holds anyone for `key` (a user's stream, a signaling socket): others skip it unread. */
  wants(key: string): boolean;
  receive(key: string, body: unknown): void;
  /** Messages may have been lost while the LISTEN connection was down. */
  interrupted(): void;
}

/** A notification's text: the body itself, or the id of the row that holds it. */
type Envelope = { k: string; b: unknown } | { k: string; r: string };

/**
 * Messages between the instances over PostgreSQL NOTIFY/LISTEN, addressed by a key on a channel.
 * Every instance hears every notification and keeps those whose key it holds. Order: one
 * instance's messages to one key are sent one after the other (the next only when the database
 * has taken the previous), and each instance hands them on in the order they arrive.
 */
export class PgBroadcast {
  private readonly receivers = new Map<string, BroadcastReceiver>();
  private readonly listener: PgListener;
  private readonly sending = new Map<string, Promise<unknown>>();
  private handing: Promise<void> = Promise.resolve();
  private lastSweep = 0;

  constructor(
    private readonly db: SqlQueryable,
    connectionString: string,
    channels: readonly string[],
  ) {
    this.listener = new PgListener(connectionString, channels, {
      notification: (channel, payload) => this.arrived(channel, payload),
      interrupted: () => {
        for (const receiver of this.receivers.values()) receiver.interrupted();
      },
    });
  }

  on(channel: string, receiver: BroadcastReceiver): void {
    this.receivers.set(channel, receiver);
  }

  /** Resolves when what is sent from now on reaches this instance's receivers. */
  listening(): Promise<void> {
    return this.listener.listening();
  }

  send(channel: string, key: string, body: unknown): Promise<void> {
    const queue = `${channel}\n${key}`;
    const sent = (this.sending.get(queue) ?? Promise.resolve()).then(() => this.notify(channel, key, body));
    const tail = sent.catch(() => undefined);
    this.sending.set(queue, tail);
    void tail.then(() => {
      if (this.sending.get(queue) === tail) this.sending.delete(queue);
    });
    return sent;
  }

  async close(): Promise<void> {
    await Promise.all(this.sending.values());
    await this.listener.close();
    await this.handing;
  }

  private async notify(channel: string, key: string, body: unknown): Promise<void> {
    const inline = JSON.stringify({ k: key, b: body } satisfies Envelope);
    if (Buffer.byteLength(inline) <= INLINE_MAX_BYTES) {
      await this.db.query('SELECT pg_notify($1, $2)', [channel, inline]);
      return;
    }
    await this.sweep();
    // One statement, so the row is committed before any instance hears of it.
    await this.db.query(
      `WITH stored AS (INSERT INTO oz_notify_payloads (body) VALUES ($3) RETURNING id)
       SELECT pg_notify($1, json_build_object('k', $2::text, 'r', id::text)::text) FROM stored`,
      [channel, key, JSON.stringify(body)],
    );
  }

  private arrived(channel: string, payload: string): void {
    const receiver = this.receivers.get(channel);
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (!receiver?.wants(envelope.k)) return;
    // Big bodies are fetched at once, and handed on in arrival order behind the ones before them.
    const body = 'r' in envelope ? this.fetch(envelope.r) : Promise.resolve(envelope.b);
    this.handing = this.handing.then(async () => {
      const value = await body;
      if (value === undefined) return;
      try {
        receiver.receive(envelope.k, value);
      } catch (error) {
        logCoordination(`a receiver on ${channel} failed: ${(error as Error).message}`);
      }
    });
  }

  private async fetch(id: string): Promise<unknown> {
    try {
      const { rows } = await this.db.query<{ body: string }>('SELECT body FROM oz_notify_payloads WHERE id = $1', [id]);
      if (rows[0]) return JSON.parse(rows[0].body);
      logCoordination(`notify payload ${id} was already deleted`);
    } catch (error) {
      logCoordination(`notify payload ${id} not read: ${(error as Error).message}`);
    }
    return undefined;
  }

  /** Rows are read within milliseconds of their NOTIFY; a few minutes later nobody needs them. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.db.query("DELETE FROM oz_notify_payloads WHERE created_at < now() - interval '2 minutes'");
  }
}
