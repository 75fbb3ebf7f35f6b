import type { Notification } from '@oz/contracts';

type Listener = (notification: Notification) => void;

/** In-process fan-out of new notifications to the user's open SSE streams. */
export class NotificationBus {
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

  publish(userId: string, notification: Notification): void {
    for (const listener of this.listeners.get(userId) ?? []) listener(notification);
  }
}
