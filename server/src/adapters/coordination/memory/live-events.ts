import type { LiveEvent, LiveEvents, LiveSubscriber } from '../../../ports/live-events.ts';
import { LiveSubscribers } from '../live-subscribers.ts';

/** In-process fan-out to the user's open streams: the embedded store runs one instance. */
export class MemoryLiveEvents implements LiveEvents {
  private readonly subscribers = new LiveSubscribers();

  async subscribe(userId: string, subscriber: LiveSubscriber): Promise<() => void> {
    return this.subscribers.add(userId, subscriber);
  }

  async publish(userId: string, event: LiveEvent): Promise<void> {
    this.subscribers.deliver(userId, event);
  }

  /** Ends every open stream (shutdown): their browsers resume on another instance. */
  async close(): Promise<void> {
    this.subscribers.interruptAll();
    this.subscribers.clear();
  }
}
