import type { LiveEvents } from '../../ports/live-events.ts';
import type { RateLimits, Tickets } from '../../ports/coordination.ts';
import type { ChangeNotices } from '../../ports/change-notices.ts';
import type { SignalingBackend } from '../video/signaling-hub.ts';
import { MemoryRoomDirectory, MemorySignalPost } from '../video/memory-rooms.ts';
import { PostgresRoomDirectory, type SeatTiming } from '../video/postgres-rooms.ts';
import { PostgresSignalPost, SIGNAL_CHANNEL } from '../video/postgres-signal-post.ts';
import { MemoryLiveEvents } from './memory/live-events.ts';
import { MemoryChangeNotices } from './memory/change-notices.ts';
import { MemoryRateLimits } from './memory/rate-limits.ts';
import { MemoryTickets } from './memory/tickets.ts';
import { coordinationPool } from './postgres/pool.ts';
import { PgBroadcast } from './postgres/broadcast.ts';
import { LIVE_CHANNEL, PostgresLiveEvents } from './postgres/live-events.ts';
import { PostgresRateLimits } from './postgres/rate-limits.ts';
import { PostgresTickets } from './postgres/tickets.ts';
import { CHANGES_CHANNEL, PostgresChangeNotices } from './postgres/change-notices.ts';

/** What the instances of one deployment must share: live events, limits, tickets, signaling rooms, changes to cached answers. */
export interface Coordination {
  live: LiveEvents;
  changes: ChangeNotices;
  limits: RateLimits;
  tickets: Tickets;
  signaling: SignalingBackend;
  /** Closes the connections it holds; the signaling hub and the live streams are closed before. */
  close(): Promise<void>;
}

/** One instance holds everything (lowdb): plain memory. */
export function memoryCoordination(): Coordination {
  const tickets = new MemoryTickets();
  return {
    live: new MemoryLiveEvents(),
    changes: new MemoryChangeNotices(),
    limits: new MemoryRateLimits(),
    tickets,
    signaling: { tickets, directory: new MemoryRoomDirectory(), post: new MemorySignalPost() },
    close: async () => undefined,
  };
}

/**
 * Many instances on one PostgreSQL (DATABASE_URL): tables for limits, tickets and seats, and
 * LISTEN/NOTIFY between the instances — nothing to run besides the database the store needs.
 * The tables come from the store's migrations (002.do.coordination.sql), run when it opens.
 */
export function postgresCoordination(connectionString: string, storePoolMax: number, seatTiming?: SeatTiming): Coordination {
  const pool = coordinationPool(connectionString, Math.max(2, Math.min(5, storePoolMax)));
  const broadcast = new PgBroadcast(pool, connectionString, [LIVE_CHANNEL, SIGNAL_CHANNEL, CHANGES_CHANNEL]);
  const tickets = new PostgresTickets(pool);
  const changes = new PostgresChangeNotices(broadcast);
  return {
    live: new PostgresLiveEvents(broadcast),
    changes,
    limits: new PostgresRateLimits(pool),
    tickets,
    signaling: { tickets, directory: new PostgresRoomDirectory(pool, seatTiming), post: new PostgresSignalPost(broadcast) },
    close: async () => {
      changes.close();
      try {
        await broadcast.close();
      } finally {
        await pool.end();
      }
    },
  };
}
