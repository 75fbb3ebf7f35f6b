import type { ChatMessage, ChatMessageList } from '@oz/contracts';
import type { ApiClient } from './client.ts';
import { pageLimit, searchOf, type PageOptions } from './page-query.ts';

/** The chat of a consultation (GET/POST /consultations/:id/messages): its patient and doctor only. */

/**
 * One page of the consultation's messages: the first page holds the latest ones, each page is
 * oldest first, and `nextCursor` goes back in time. 404 for anyone but its patient and doctor.
 */
export function listMessages(client: ApiClient, consultationId: string, page: PageOptions = {}): Promise<ChatMessageList> {
  const search = searchOf({ limit: pageLimit('messages', page.limit), cursor: page.cursor });
  return client.request<ChatMessageList>('GET', `/consultations/${encodeURIComponent(consultationId)}/messages${search}`, {
    signal: page.signal,
  });
}

/**
 * Sends a message (trimmed by the API, 1–2000 characters: 422 too_long). 409 when the
 * consultation was cancelled: its chat is closed. Both sides also get it live as a `message` event.
 */
export function postMessage(client: ApiClient, consultationId: string, text: string, signal?: AbortSignal): Promise<ChatMessage> {
  return client.request<ChatMessage>('POST', `/consultations/${encodeURIComponent(consultationId)}/messages`, {
    body: { text },
    signal,
  });
}
