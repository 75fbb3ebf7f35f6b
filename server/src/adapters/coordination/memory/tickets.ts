import type { Tickets } from '../../../ports/coordination.ts';
import { newTicket } from '../ticket-text.ts';

/** One-use tickets in this process's memory: right for one instance (lowdb). */
export class MemoryTickets implements Tickets {
  private readonly tickets = new Map<string, { payload: unknown; expiresAt: number }>();

  async issue(kind: string, payload: unknown, ttlMs: number, at: number): Promise<string> {
    for (const [key, entry] of this.tickets) if (entry.expiresAt <= at) this.tickets.delete(key);
    const ticket = newTicket();
    this.tickets.set(`${kind}:${ticket}`, { payload: structuredClone(payload), expiresAt: at + ttlMs });
    return ticket;
  }

  async redeem<T>(kind: string, ticket: string, at: number): Promise<T | undefined> {
    const key = `${kind}:${ticket}`;
    const entry = this.tickets.get(key);
    this.tickets.delete(key);
    if (!entry || entry.expiresAt <= at) return undefined;
    return entry.payload as T;
  }
}
