import type { Notification } from '@oz/contracts';

/** <oz-notifications> received a new notification live. */
export type OzNotificationEvent = CustomEvent<{ notification: Notification }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-notification': OzNotificationEvent;
  }
}
