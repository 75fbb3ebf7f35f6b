import type { CreateStaffRequest, UpdateStaffRequest } from '@oz/contracts';
import type { ApiClient } from './client.ts';

/**
 * The manager's staff accounts (routes/staff.ts of the server). Functions beside the client rather
 * than its methods, as in referrals.ts: only <oz-staff> calls them, so oz.js, which every page
 * loads, does not carry them.
 */

/** Doctors and managers, by name. */
export function staffList(client: ApiClient, signal?: AbortSignal) {
  return client.call('GET /staff', { signal });
}

/** Adds a doctor or a manager; the API sends a one-time password by SMS (`expiresAt` in the answer). */
export function addStaff(client: ApiClient, body: CreateStaffRequest, signal?: AbortSignal) {
  return client.call('POST /staff', { body, signal });
}

/** The name, a doctor's center or duty flag. */
export function updateStaff(client: ApiClient, id: string, body: UpdateStaffRequest, signal?: AbortSignal) {
  return client.call('PATCH /staff/{id}', { params: { id }, body, signal });
}

/** Every session of the account ends at once; the answer lists a doctor's open consultations. 409 `own_account` for oneself. */
export function disableStaff(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.call('POST /staff/{id}/disable', { params: { id }, signal });
}

export function enableStaff(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.call('POST /staff/{id}/enable', { params: { id }, signal });
}

/** A new one-time password by SMS; the old one and every session stop working. */
export function sendStaffPassword(client: ApiClient, id: string, signal?: AbortSignal) {
  return client.call('POST /staff/{id}/password', { params: { id }, signal });
}
