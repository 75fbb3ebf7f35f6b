import type { RateLimits } from '../../../ports/coordination.ts';
import type { SqlQueryable } from '../../store/postgres/sql.ts';
import { secondsUntil } from '../window-wait.ts';
import { storedDigest } from '../ticket-text.ts';

/** How often an instance deletes finished windows (lazily, on a hit). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Fixed windows in one table shared by every instance. One upsert counts the attempt and reads
 * the window back atomically, so attempts spread over instances count as if they hit one.
 */
export class PostgresRateLimits implements RateLimits {
  private lastSweep = 0;

  constructor(private readonly db: SqlQueryable) {}

  async hit(key: string, limitPerWindow: number, windowMs: number, at: number): Promise<number> {
    await this.sweep(at);
    key = storedDigest(key);
    const { rows } = await this.db.query<{ count: number; ends_at: Date }>(
      `INSERT INTO oz_rate_windows AS w (key, started_at, ends_at, count) VALUES ($1, $2::timestamptz, $3::timestamptz, 1)
       ON CONFLICT (key) DO UPDATE SET
         started_at = CASE WHEN w.ends_at <= $2::timestamptz THEN $2::timestamptz ELSE w.started_at END,
         count = CASE WHEN w.ends_at <= $2::timestamptz THEN 1 ELSE w.count + 1 END,
         ends_at = CASE WHEN w.ends_at <= $2::timestamptz THEN $3::timestamptz ELSE w.ends_at END
       RETURNING count, ends_at`,
      [key, new Date(at), new Date(at + windowMs)],
    );
    const window = rows[0]!;
    if (window.count <= limitPerWindow) return 0;
    return secondsUntil(window.ends_at.getTime(), at);
  }

  async forget(key: string): Promise<void> {
    await this.db.query('DELETE FROM oz_rate_windows WHERE key = $1', [storedDigest(key)]);
  }

  private async sweep(at: number): Promise<void> {
    if (at - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at;
    await this.db.query('DELETE FROM oz_rate_windows WHERE ends_at <= $1', [new Date(at)]);
  }
}
