import type { Notification } from '@oz/contracts';

/**
 * The person chose, in <oz-notifications>, to go to what a notification is about («Открыть
 * переписку» of a `message_received` entry: `notification.data.consultationId`). <oz-consultations>
 * opens that chat; a portal whose chat lives on another page may go there.
 */
export type OzNotificationOpenEvent = CustomEvent<{ notification: Notification }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-notification-open': OzNotificationOpenEvent;
  }
}
