import type { PublishDutySlotsRequest } from '@oz/contracts';
import type { ApiClient } from './client.ts';
import { pageLimit, type PageOptions } from './page-query.ts';

/** The duty doctor's own side of path 2 (routes/duty.ts): publishing free time and taking it back. */

/** One page of the doctor's own slots from a day ago on, by start time, free and booked (`status`, `consultationId`). */
export function mySlots(client: ApiClient, { limit, cursor, signal }: PageOptions = {}) {
  return client.call('GET /duty/slots/mine', { query: { limit: pageLimit('dutySlots', limit), cursor }, signal });
}

/**
 * Publishes consecutive slots of `durationMinutes` from `startsAt` until `endsAt` (ISO with offset).
 * 422 `date_in_past` (startsAt), `invalid` (endsAt: not even one slot) or `too_long` (endsAt: over
 * 48 slots); 409 when the period overlaps the doctor's slots or consultations; 403 for a doctor who
 * is not on duty.
 */
export function publishSlots(client: ApiClient, body: PublishDutySlotsRequest, signal?: AbortSignal) {
  return client.call('POST /duty/slots', { body, signal });
}

/** Removes a free slot of one's own; 409 when a patient booked it (cancel the consultation instead). */
export function removeSlot(client: ApiClient, slotId: string, signal?: AbortSignal) {
  return client.call('DELETE /duty/slots/{id}', { params: { id: slotId }, signal });
}
