import type { RateLimits } from '../../../ports/coordination.ts';
import { secondsUntil } from '../window-wait.ts';

/** Fixed windows in this process's memory: right for one instance (lowdb). */
export class MemoryRateLimits implements RateLimits {
  private readonly windows = new Map<string, { startedAt: number; count: number; windowMs: number }>();
  private lastSweep = 0;

  async hit(key: string, limitPerWindow: number, windowMs: number, at: number): Promise<number> {
    // Synchronous up to here: two requests at the same moment are counted one after the other.
    this.sweep(at, windowMs);
    let window = this.windows.get(key);
    if (!window || at - window.startedAt >= window.windowMs) {
      window = { startedAt: at, count: 0, windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= limitPerWindow) return 0;
    return secondsUntil(window.startedAt + window.windowMs, at);
  }

  async forget(key: string): Promise<void> {
    this.windows.delete(key);
  }

  /** Forgets finished windows now and then, so memory stays bounded under a flood of new keys. */
  private sweep(at: number, windowMs: number): void {
    if (at - this.lastSweep < windowMs) return;
    this.lastSweep = at;
    for (const [key, window] of this.windows) if (at - window.startedAt >= window.windowMs) this.windows.delete(key);
  }
}

