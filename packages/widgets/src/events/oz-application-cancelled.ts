import type { Application } from '@oz/contracts';

/** The patient withdrew a waiting application. */
export type OzApplicationCancelledEvent = CustomEvent<{ application: Application }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-application-cancelled': OzApplicationCancelledEvent;
  }
}
