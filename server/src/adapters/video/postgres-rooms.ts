import { randomUUID } from 'node:crypto';
import type { ParticipantRole } from '@oz/contracts';
import type { SqlPool, SqlQueryable } from '../store/postgres/sql.ts';
import { inTransaction, logCoordination } from '../coordination/postgres/pool.ts';
import type { Admission, RoomDirectory, Seat, SeatWatcher } from './signaling-backend.ts';

export interface SeatTiming {
  /** How often this instance marks its seats as alive. */
  heartbeatMs: number;
  /** A seat not marked for this long belongs to an instance that stopped: any other frees it. */
  expiryMs: number;
}

const DEFAULT_TIMING: SeatTiming = { heartbeatMs: 10_000, expiryMs: 40_000 };

interface SeatRow {
  connection_id: string;
  user_id: string;
  role: ParticipantRole;
}

const toSeat = (row: SeatRow): Seat => ({ connectionId: row.connection_id, userId: row.user_id, role: row.role });
const SEAT_COLUMNS = 'connection_id, user_id, role';

/**
 * The seats of the signaling rooms in oz_signaling_seats, shared by every instance. A room's
 * changes take a transaction-scoped advisory lock on the room, so two joins at once never seat
 * three. Each instance refreshes `seen_at` of its seats; the seats of an instance that died are
 * freed by another one, and the peer hears `peer-left`.
 */
export class PostgresRoomDirectory implements RoomDirectory {
  /** Written beside each seat, for an operator who wants to know which instance holds it. */
  readonly instanceId = randomUUID();
  /** Seats this instance took and still holds, by connection: what its heartbeat must find. */
  private readonly mine = new Map<string, string>();
  private readonly missing = new Set<string>();
  private watcher: SeatWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> = Promise.resolve();
  /** Since when every heartbeat succeeded; undefined after a failure. */
  private healthySince: number | undefined;
  private closed = false;

  constructor(
    private readonly pool: SqlPool,
    private readonly timing: SeatTiming = DEFAULT_TIMING,
  ) {}

  watch(watcher: SeatWatcher): void {
    this.watcher = watcher;
  }

  async admit(consultationId: string, seat: Seat): Promise<Admission> {
    this.startHeartbeat();
    const admission = await inTransaction(this.pool, async (tx): Promise<Admission> => {
      await lockRoom(tx, consultationId);
      const seats = await seatsOf(tx, consultationId);
      const replaced = seats.find((other) => other.userId === seat.userId);
      if (!replaced && seats.length >= 2) return { seated: false };
      await tx.query(
        `INSERT INTO oz_signaling_seats (consultation_id, user_id, role, connection_id, instance_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (consultation_id, user_id) DO UPDATE SET role = EXCLUDED.role, connection_id = EXCLUDED.connection_id,
           instance_id = EXCLUDED.instance_id, joined_at = clock_timestamp(), seen_at = now()`,
        [consultationId, seat.userId, seat.role, seat.connectionId, this.instanceId],
      );
      return { seated: true, replaced, peer: seats.find((other) => other.userId !== seat.userId) };
    });
    if (admission.seated) this.mine.set(seat.connectionId, consultationId);
    return admission;
  }

  async vacate(consultationId: string, connectionId: string): Promise<Seat[] | undefined> {
    this.forgetMine(connectionId);
    return inTransaction(this.pool, async (tx) => {
      await lockRoom(tx, consultationId);
      const { rowCount } = await tx.query('DELETE FROM oz_signaling_seats WHERE consultation_id = $1 AND connection_id = $2', [consultationId, connectionId]);
      return rowCount ? seatsOf(tx, consultationId) : undefined;
    });
  }

  async peerOf(consultationId: string, connectionId: string): Promise<Seat | undefined> {
    const { rows } = await this.pool.query<SeatRow>(
      `SELECT peer.connection_id, peer.user_id, peer.role FROM oz_signaling_seats peer
       JOIN oz_signaling_seats self ON self.consultation_id = peer.consultation_id AND self.connection_id = $2
       WHERE peer.consultation_id = $1 AND peer.connection_id <> $2 LIMIT 1`,
      [consultationId, connectionId],
    );
    return rows[0] && toSeat(rows[0]);
  }

  async clear(consultationId: string): Promise<Seat[]> {
    const { rows } = await this.pool.query<SeatRow>(`DELETE FROM oz_signaling_seats WHERE consultation_id = $1 RETURNING ${SEAT_COLUMNS}`, [consultationId]);
    for (const row of rows) this.forgetMine(row.connection_id);
    return rows.map(toSeat);
  }

  seats(consultationId: string): Promise<Seat[]> {
    return seatsOf(this.pool, consultationId);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.beating;
  }

  private forgetMine(connectionId: string): void {
    this.mine.delete(connectionId);
    this.missing.delete(connectionId);
  }

  /** From the first seat on: an instance that never held one has nothing to refresh. */
  private startHeartbeat(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      this.beating = this.beating.then(() => this.beat());
    }, this.timing.heartbeatMs);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    try {
      // By connection, not by instance: a seat whose vacate failed (the database away at that
      // moment) is no longer ours to keep alive; it expires and the peer hears peer-left.
      const { rows } = await this.pool.query<{ connection_id: string }>(
        'UPDATE oz_signaling_seats SET seen_at = now() WHERE connection_id = ANY($1::text[]) RETURNING connection_id',
        [[...this.mine.keys()]],
      );
      this.healthySince ??= Date.now();
      this.noticeLostSeats(new Set(rows.map((row) => row.connection_id)));
      // Only an instance that has itself been refreshing for a whole expiry frees others' seats:
      // right after a database outage every instance is behind, and none may free the others'.
      if (Date.now() - this.healthySince >= this.timing.expiryMs) await this.freeExpiredSeats();
    } catch (error) {
      this.healthySince = undefined;
      logCoordination(`signaling heartbeat: ${(error as Error).message}`);
    }
  }

  /**
   * A seat of ours missing twice in a row was freed by others (we were cut off): the socket must
   * join again. Missing once may be a replacement whose close is still on its way.
   */
  private noticeLostSeats(present: Set<string>): void {
    for (const connectionId of this.mine.keys()) {
      if (present.has(connectionId)) {
        this.missing.delete(connectionId);
      } else if (this.missing.has(connectionId)) {
        this.forgetMine(connectionId);
        this.watcher?.lost(connectionId);
      } else {
        this.missing.add(connectionId);
      }
    }
  }

  private async freeExpiredSeats(): Promise<void> {
    const { rows } = await this.pool.query<{ consultation_id: string }>(
      'SELECT DISTINCT consultation_id FROM oz_signaling_seats WHERE seen_at < now() - $1::int * interval \'1 millisecond\'',
      [this.timing.expiryMs],
    );
    for (const { consultation_id: consultationId } of rows) {
      const { gone, remaining } = await inTransaction(this.pool, async (tx) => {
        await lockRoom(tx, consultationId);
        const deleted = await tx.query<SeatRow>(
          `DELETE FROM oz_signaling_seats WHERE consultation_id = $1 AND seen_at < now() - $2::int * interval '1 millisecond' RETURNING ${SEAT_COLUMNS}`,
          [consultationId, this.timing.expiryMs],
        );
        return { gone: deleted.rows.map(toSeat), remaining: await seatsOf(tx, consultationId) };
      });
      for (const seat of gone) this.watcher?.expired(consultationId, seat, remaining);
    }
  }
}

/** Serialises the changes of one room across instances until the transaction ends. */
async function lockRoom(tx: SqlQueryable, consultationId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('oz-signaling-room:' || $1, 0))", [consultationId]);
}

async function seatsOf(db: SqlQueryable, consultationId: string): Promise<Seat[]> {
  const { rows } = await db.query<SeatRow>(`SELECT ${SEAT_COLUMNS} FROM oz_signaling_seats WHERE consultation_id = $1 ORDER BY joined_at`, [consultationId]);
  return rows.map(toSeat);
}
