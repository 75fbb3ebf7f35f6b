import type { LiveEvent, LiveEvents, LiveSubscriber } from '../../../ports/live-events.ts';
import { LiveSubscribers } from '../live-subscribers.ts';
import type { PgBroadcast } from './broadcast.ts';

export const LIVE_CHANNEL = 'oz_live';

/**
 * Live events over NOTIFY/LISTEN: a publish on any instance reaches the user's streams on every
 * instance. Keyed by user id, so the per-key order of PgBroadcast is the per-user order.
 */
export class PostgresLiveEvents implements LiveEvents {
  private readonly subscribers = new LiveSubscribers();

  constructor(private readonly broadcast: PgBroadcast) {
    broadcast.on(LIVE_CHANNEL, {
      wants: (userId) => this.subscribers.has(userId),
      receive: (userId, event) => this.subscribers.deliver(userId, event as LiveEvent),
      interrupted: () => this.subscribers.interruptAll(),
    });
  }

  async subscribe(userId: string, subscriber: LiveSubscriber): Promise<() => void> {
    const unsubscribe = this.subscribers.add(userId, subscriber);
    try {
      await this.broadcast.listening();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  publish(userId: string, event: LiveEvent): Promise<void> {
    return this.broadcast.send(LIVE_CHANNEL, userId, event);
  }

  /** Ends every open stream (shutdown): their browsers resume on another instance. */
  async close(): Promise<void> {
    this.subscribers.interruptAll();
    this.subscribers.clear();
  }
}
