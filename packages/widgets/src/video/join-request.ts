import type { ErrorBody, VideoJoin } from '@oz/contracts';
import type { ApiClient } from '../api/client.ts';
import { ApiError, NetworkError, isAbortError } from '../api/errors.ts';
import { readApiError } from '../api/read-error.ts';
import { session } from '../session/session.ts';

/** 409 room_closed, with the window the room is open in (ISO times from `details`). */
export class RoomClosedError extends ApiError {
  constructor(
    status: number,
    body: ErrorBody['error'],
    readonly opensAt: string,
    readonly closesAt: string,
  ) {
    super(status, body);
  }
}

/**
 * POST /consultations/:id/video: how to join, with a fresh one-use ticket, so every (re)connection
 * calls it again. Not through ApiClient.call because its errors drop `details`, and the
 * person must be told when the room opens.
 */
export async function requestJoin(client: ApiClient, consultationId: string, signal?: AbortSignal): Promise<VideoJoin> {
  const token = client.currentToken();
  let response: Response;
  try {
    response = await fetch(client.url('POST /consultations/{id}/video', { params: { id: consultationId } }), {
      method: 'POST',
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal: signal ?? null,
      credentials: 'omit',
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new NetworkError({ cause: error });
  }
  if (response.ok) return (await response.json()) as VideoJoin;

  const body = (await response.clone().json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  const error = await readApiError(response);
  if (error.code === 'unauthenticated' && token) session.handleUnauthenticated(token);
  const details = body?.error?.details as { opensAt?: unknown; closesAt?: unknown } | undefined;
  if (error.code === 'room_closed' && typeof details?.opensAt === 'string' && typeof details.closesAt === 'string') {
    throw new RoomClosedError(error.status, body!.error!, details.opensAt, details.closesAt);
  }
  throw error;
}

/** POST /consultations/:id/video/end: the doctor ends the call for both. */
export function endCall(client: ApiClient, consultationId: string, signal?: AbortSignal) {
  return client.call('POST /consultations/{id}/video/end', { params: { id: consultationId }, signal });
}
