import type { Consultation } from '@oz/contracts';

/** The patient or the doctor cancelled a consultation through an element. */
export type OzConsultationCancelledEvent = CustomEvent<{ consultation: Consultation }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-consultation-cancelled': OzConsultationCancelledEvent;
  }
}
