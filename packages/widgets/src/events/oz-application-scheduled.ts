import type { Application, Consultation } from '@oz/contracts';

/** A doctor scheduled a consultation from <oz-doctor-desk>. */
export type OzApplicationScheduledEvent = CustomEvent<{ application: Application; consultation: Consultation }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-application-scheduled': OzApplicationScheduledEvent;
  }
}
