import type { Tickets } from '../../../ports/coordination.ts';
import type { SqlQueryable } from '../../store/postgres/sql.ts';
import { newTicket, storedDigest } from '../ticket-text.ts';

/** How often an instance deletes expired tickets (lazily, on an issue). */
const SWEEP_EVERY_MS = 60_000;

/**
 * One-use tickets in one table shared by every instance. Redeeming is a DELETE … RETURNING: of two
 * instances redeeming one ticket at the same moment, exactly one gets the row.
 */
export class PostgresTickets implements Tickets {
  private lastSweep = 0;

  constructor(private readonly db: SqlQueryable) {}

  async issue(kind: string, payload: unknown, ttlMs: number, at: number): Promise<string> {
    await this.sweep(at);
    const ticket = newTicket();
    await this.db.query('INSERT INTO oz_tickets (kind, ticket_hash, payload, expires_at) VALUES ($1, $2, $3::jsonb, $4)', [
      kind,
      storedDigest(ticket),
      JSON.stringify(payload),
      new Date(at + ttlMs),
    ]);
    return ticket;
  }

  async redeem<T>(kind: string, ticket: string, at: number): Promise<T | undefined> {
    const { rows } = await this.db.query<{ payload: T; expires_at: Date }>(
      'DELETE FROM oz_tickets WHERE kind = $1 AND ticket_hash = $2 RETURNING payload, expires_at',
      [kind, storedDigest(ticket)],
    );
    const row = rows[0];
    if (!row || row.expires_at.getTime() <= at) return undefined;
    return row.payload;
  }

  private async sweep(at: number): Promise<void> {
    if (at - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at;
    await this.db.query('DELETE FROM oz_tickets WHERE expires_at <= $1', [new Date(at)]);
  }
}
