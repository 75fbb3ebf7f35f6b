import type { RateLimits } from '../ports/coordination.ts';

/**
 * Attempts per key (client address, phone, user) in a fixed window. Counted through the
 * RateLimits port, so with several instances the limit holds across all of them.
 */
export class RateLimiter {
  constructor(
    private readonly limits: RateLimits,
    /** Keeps this limiter's keys apart from other users of the port. */
    private readonly name: string,
    private readonly limitPerWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  async hit(key: string): Promise<number> {
    if (this.limitPerWindow === 0) return 0; // limiting turned off (load tests)
    return this.limits.hit(`${this.name}:${key}`, this.limitPerWindow, this.windowMs, this.now());
  }
}
