import { NetworkError, isAbortError } from '../api/errors.ts';
import { readApiError } from '../api/read-error.ts';
import { AUDIO_MIN_KBPS, VIDEO_MIN_KBPS } from './constants.ts';

/** What the connection allows: video, sound only, or not even sound reliably. */
export type ConnectionVerdict = 'video' | 'audio' | 'poor';

export interface ConnectionResult {
  downKbps: number;
  upKbps: number;
  verdict: ConnectionVerdict;
}

export interface SpeedTestTarget {
  /** The API origin. */
  origin: string;
  token: string | null;
}

/**
 * Half a megabyte each way: at the 2 Mbit/s the seed asks for that takes two seconds, long enough
 * to measure, and costs a person on mobile data about a megabyte in all.
 */
const SAMPLE_BYTES = 512 * 1024;
/** A slower link is measured from what arrived in this time, so the test never hangs. */
const BUDGET_MS = 5000;

/** The seed's requirements (video ≥ 2 Mbit/s, audio ≥ 512 kbit/s) applied to the slower direction. */
export function assessConnection(downKbps: number, upKbps: number): ConnectionVerdict {
  const slower = Math.min(downKbps, upKbps);
  if (slower >= VIDEO_MIN_KBPS) return 'video';
  if (slower >= AUDIO_MIN_KBPS) return 'audio';
  return 'poor';
}

/**
 * Measures down- and upstream against our own API server (GET and POST /video/speedtest): the
 * path the consultation's signaling takes, and usually close to the path of its media.
 */
export async function measureConnection(target: SpeedTestTarget, signal?: AbortSignal): Promise<ConnectionResult> {
  const latencyMs = await measureLatency(target, signal);
  const downKbps = await measureDownstream(target, signal);
  const upKbps = await measureUpstream(target, latencyMs, signal);
  return { downKbps, upKbps, verdict: assessConnection(downKbps, upKbps) };
}

/** One tiny request: its round trip is taken off the upload time, which otherwise includes it. */
async function measureLatency(target: SpeedTestTarget, signal?: AbortSignal): Promise<number> {
  const started = performance.now();
  const response = await send(target, 'GET', '?bytes=1', undefined, signal);
  await response.arrayBuffer();
  return performance.now() - started;
}

async function measureDownstream(target: SpeedTestTarget, signal?: AbortSignal): Promise<number> {
  const budget = withBudget(signal);
  let received = 0;
  let started = performance.now();
  try {
    const response = await send(target, 'GET', `?bytes=${SAMPLE_BYTES}`, undefined, budget.signal);
    // Timed from the first byte: the request's round trip is latency, not bandwidth.
    started = performance.now();
    const reader = response.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += chunk.value.byteLength;
    }
    return kbps(received, performance.now() - started);
  } catch (error) {
    // Past the budget, what arrived so far gives the speed.
    if (budget.expired) return kbps(received, performance.now() - started);
    throw error;
  } finally {
    budget.dispose();
  }
}

async function measureUpstream(target: SpeedTestTarget, latencyMs: number, signal?: AbortSignal): Promise<number> {
  const body = randomBytes(SAMPLE_BYTES);
  const budget = withBudget(signal);
  const started = performance.now();
  try {
    const response = await send(target, 'POST', '', body, budget.signal);
    const { ms } = (await response.json()) as { receivedBytes: number; ms: number };
    const elapsed = Math.max(performance.now() - started - latencyMs, ms, 1);
    return kbps(SAMPLE_BYTES, elapsed);
  } catch (error) {
    // fetch cannot tell how much of an upload went out: past the budget, the speed is at most this.
    if (budget.expired) return kbps(SAMPLE_BYTES, BUDGET_MS);
    throw error;
  } finally {
    budget.dispose();
  }
}

async function send(
  target: SpeedTestTarget,
  method: 'GET' | 'POST',
  query: string,
  body: Uint8Array<ArrayBuffer> | undefined,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (target.token) headers.Authorization = `Bearer ${target.token}`;
  if (body) headers['Content-Type'] = 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(`${target.origin}/api/v1/video/speedtest${query}`, {
      method,
      headers,
      body: body ?? null,
      signal: signal ?? null,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new NetworkError({ cause: error });
  }
  if (!response.ok) throw await readApiError(response);
  return response;
}

/** An abort signal that fires when the caller aborts or when the time budget is spent. */
function withBudget(outer?: AbortSignal) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, BUDGET_MS);
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener('abort', onOuterAbort);
  return {
    signal: controller.signal,
    get expired() {
      return expired && !outer?.aborted;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

/** Random, so that no proxy on the way can compress the sample and flatter the result. */
function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return bytes;
}

/** Bits per millisecond are kilobits per second. */
function kbps(bytes: number, ms: number): number {
  return Math.round((bytes * 8) / Math.max(ms, 1));
}
