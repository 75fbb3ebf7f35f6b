import type { Conclusion } from '@oz/contracts';

/** A doctor wrote a conclusion from <oz-doctor-desk>. */
export type OzConclusionWrittenEvent = CustomEvent<{ conclusion: Conclusion }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-conclusion-written': OzConclusionWrittenEvent;
  }
}
