import type { ApiClient } from './client.ts';
import { pageLimit, type PageOptions } from './page-query.ts';

/** The chat of a consultation (GET/POST /consultations/:id/messages): its patient and doctor only. */

/**
 * One page of the consultation's messages: the first page holds the latest ones, each page is
 * oldest first, and `nextCursor` goes back in time. 404 for anyone but its patient and doctor.
 */
export function listMessages(client: ApiClient, consultationId: string, { limit, cursor, signal }: PageOptions = {}) {
  const query = { limit: pageLimit('messages', limit), cursor };
  return client.call('GET /consultations/{id}/messages', { params: { id: consultationId }, query, signal });
}

/**
 * The reader has the chat in front of them: their `unreadMessages` of the consultation becomes 0
 * and its «new message» notification is read (204). 404 for anyone but its patient and doctor.
 */
export function markMessagesRead(client: ApiClient, consultationId: string, signal?: AbortSignal) {
  return client.call('POST /consultations/{id}/messages/read', { params: { id: consultationId }, signal });
}

/**
 * Sends a message (trimmed by the API, 1–2000 characters: 422 too_long). 409 when the
 * consultation was cancelled: its chat is closed. Both sides also get it live as a `message` event.
 */
export function postMessage(client: ApiClient, consultationId: string, text: string, signal?: AbortSignal) {
  return client.call('POST /consultations/{id}/messages', { params: { id: consultationId }, body: { text }, signal });
}
