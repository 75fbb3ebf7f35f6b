import type { Application } from '@oz/contracts';

/** The patient filed an application through <oz-apply>. */
export type OzApplicationSubmittedEvent = CustomEvent<{ application: Application }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-application-submitted': OzApplicationSubmittedEvent;
  }
}
