import type { BookDutySlotRequest, CenterId, Consultation, DutySlotList } from '@oz/contracts';
import type { ApiClient } from './client.ts';

/** Path 2 of the program: duty doctors' free time and booking it (routes/duty.ts of the server). */

export interface DutySlotsQuery {
  centerId?: CenterId | undefined;
  /** ISO time; the API starts no earlier than now. */
  from?: string | undefined;
  /** ISO time; the API's default is 14 days after `from`. */
  to?: string | undefined;
}

/** Free future slots, by start time. Public: the list is the same for everyone, so no token is sent. */
export function dutySlots(client: ApiClient, query: DutySlotsQuery = {}, signal?: AbortSignal): Promise<DutySlotList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  // Not params.size: older phone browsers still in use lack it.
  const search = params.toString();
  return client.request<DutySlotList>('GET', `/duty/slots${search ? `?${search}` : ''}`, { signal, token: null });
}

/**
 * Books a free slot for the signed-in patient; the answer is the new consultation (kind `duty`).
 * 409 `slot_taken` when someone was quicker or the slot has started, `booking_limit`, `program_closed`.
 */
export function bookDutySlot(
  client: ApiClient,
  slotId: string,
  body: BookDutySlotRequest,
  signal?: AbortSignal,
): Promise<Consultation> {
  return client.request<Consultation>('POST', `/duty/slots/${encodeURIComponent(slotId)}/book`, { body, signal });
}
