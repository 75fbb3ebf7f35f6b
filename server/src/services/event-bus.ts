import type { ChatMessage, Notification } from '@oz/contracts';

/** What a user's live stream carries; the SSE event name is the `type`. */
export type LiveEvent = { type: 'notification'; data: Notification } | { type: 'message'; data: ChatMessage };

type Listener = (event: LiveEvent) => void;

/** In-process fan-out of live events to the user's open SSE streams. */
export class LiveEventBus {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  publish(userId: string, event: LiveEvent): void {
    for (const listener of this.listeners.get(userId) ?? []) listener(event);
  }
}
