import type { Consultation } from '@oz/contracts';

/**
 * The doctor ended the call and the conclusion is still to come (a conclusion, or the doctor's
 * rejoin, clears it): the patient has nothing to join or cancel. One rule for the card and the room.
 */
export function isCallEnded(consultation: Consultation): boolean {
  return consultation.callEndedAt !== null && !consultation.hasConclusion && consultation.status !== 'cancelled' && consultation.status !== 'completed';
}
