import type { Consultation } from '@oz/contracts';

/** The patient booked a duty doctor's time through <oz-duty-schedule>. */
export type OzBookedEvent = CustomEvent<{ consultation: Consultation }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-booked': OzBookedEvent;
  }
}
