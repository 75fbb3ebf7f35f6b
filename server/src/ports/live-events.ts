import type { ChatMessage, Notification } from '@oz/contracts';

/** What a user's live stream carries; the SSE event name is the `type`. */
export type LiveEvent = { type: 'notification'; data: Notification } | { type: 'message'; data: ChatMessage };

export interface LiveSubscriber {
  event(event: LiveEvent): void;
  /**
   * Delivery broke (the database connection that carries events between instances was lost):
   * events may have been missed, so the stream ends and the browser resumes and reloads.
   */
  interrupted(): void;
}

/**
 * Live events per user, delivered to that user's open streams on whichever instance holds them.
 * Events of one publisher reach a user in the order they were published. Adapters: in process
 * (lowdb, one instance) and PostgreSQL LISTEN/NOTIFY (DATABASE_URL, many instances).
 */
export interface LiveEvents {
  publish(userId: string, event: LiveEvent): Promise<void>;
  /** Resolves once events published from now on reach `subscriber`; returns the unsubscribe. */
  subscribe(userId: string, subscriber: LiveSubscriber): Promise<() => void>;
  close(): Promise<void>;
}
