import type { BookDutySlotRequest, CenterId } from '@oz/contracts';
import type { ApiClient } from './client.ts';
import { pageLimit, type PageOptions } from './page-query.ts';

/** Path 2 of the program: duty doctors' free time and booking it (routes/duty.ts of the server). */

export interface DutySlotsQuery {
  centerId?: CenterId | undefined;
  /** ISO time; the API starts no earlier than now. */
  from?: string | undefined;
  /** ISO time; the API's default is 14 days after `from`. */
  to?: string | undefined;
}

/**
 * One page of free future slots, by start time. Public: the list is the same for everyone, so no
 * token is sent. A `cursor` continues the same `query`: pass it again with the cursor.
 */
export function dutySlots(client: ApiClient, query: DutySlotsQuery = {}, { limit, cursor, signal }: PageOptions = {}) {
  return client.call('GET /duty/slots', { query: { ...query, limit: pageLimit('dutySlots', limit), cursor }, signal, token: null });
}

/**
 * Books a free slot for the signed-in patient; the answer is the new consultation (kind `duty`).
 * 409 `slot_taken` when someone was quicker or the slot has started, `booking_limit`, `program_closed`.
 */
export function bookDutySlot(client: ApiClient, slotId: string, body: BookDutySlotRequest, signal?: AbortSignal) {
  return client.call('POST /duty/slots/{id}/book', { params: { id: slotId }, body, signal });
}
