import type { DutySlot } from '@oz/contracts';

/** A duty doctor published free time for patients to book, from <oz-doctor-desk>. */
export type OzSlotsPublishedEvent = CustomEvent<{ slots: DutySlot[] }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-slots-published': OzSlotsPublishedEvent;
  }
}
