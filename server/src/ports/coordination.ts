/**
 * Counters and one-use tickets that every instance of the API must agree on: a limit counted on
 * one instance holds on all, and a ticket issued on one is redeemed once on any. Times are the
 * caller's clock in epoch milliseconds, so the services' injected clock rules on every adapter.
 */

/** Fixed windows per key: sign-in attempts per client, phone and user; one SMS a minute per phone. */
export interface RateLimits {
  /**
   * Counts one attempt on `key` at `at`. Returns the whole seconds to wait when this attempt is
   * past `limitPerWindow` in the window (which starts at the key's first attempt), else 0.
   */
  hit(key: string, limitPerWindow: number, windowMs: number, at: number): Promise<number>;
  /** Forgets the key's window, as if nothing had been counted (the attempt did not happen after all). */
  forget(key: string): Promise<void>;
}

/** One-use tickets of a kind (stream, signaling room), each carrying a small JSON payload. */
export interface Tickets {
  issue(kind: string, payload: unknown, ttlMs: number, at: number): Promise<string>;
  /** The payload once: a second redeem, here or on another instance at the same moment, gets undefined. */
  redeem<T>(kind: string, ticket: string, at: number): Promise<T | undefined>;
}
