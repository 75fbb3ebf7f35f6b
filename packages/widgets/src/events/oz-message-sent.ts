import type { ChatMessage } from '@oz/contracts';

/** The signed-in person sent a chat message of a consultation through <oz-chat>. */
export type OzMessageSentEvent = CustomEvent<{ message: ChatMessage }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-message-sent': OzMessageSentEvent;
  }
}
