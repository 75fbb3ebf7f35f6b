import type { LiveEvent, LiveSubscriber } from '../../ports/live-events.ts';

/** The open streams of this instance, per user. */
export class LiveSubscribers {
  private readonly byUser = new Map<string, Set<LiveSubscriber>>();

  add(userId: string, subscriber: LiveSubscriber): () => void {
    const set = this.byUser.get(userId) ?? new Set<LiveSubscriber>();
    set.add(subscriber);
    this.byUser.set(userId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  has(userId: string): boolean {
    return this.byUser.has(userId);
  }

  deliver(userId: string, event: LiveEvent): void {
    for (const subscriber of this.byUser.get(userId) ?? []) subscriber.event(event);
  }

  interruptAll(): void {
    for (const set of this.byUser.values()) for (const subscriber of set) subscriber.interrupted();
  }

  clear(): void {
    this.byUser.clear();
  }
}
