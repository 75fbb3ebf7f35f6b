import type { Application } from '@oz/contracts';

/** A doctor declined an application from <oz-doctor-desk>. */
export type OzApplicationDeclinedEvent = CustomEvent<{ application: Application }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-application-declined': OzApplicationDeclinedEvent;
  }
}
