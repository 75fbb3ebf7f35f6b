/**
 * The doctor ended a consultation's video call: `by: 'self'` when this person (the doctor) ended it
 * through <oz-video-room>, `by: 'doctor'` when the patient's room heard that the doctor did.
 */
export type OzCallEndedEvent = CustomEvent<{ consultationId: string; by: 'self' | 'doctor' }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-call-ended': OzCallEndedEvent;
  }
}
