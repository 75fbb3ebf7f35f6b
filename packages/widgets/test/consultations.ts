import type { Application, Conclusion, Consultation, WriteConclusionRequest } from '@oz/contracts';
import { callApi, registerPatient, signInViaApi } from './api.ts';
import { applyToBakulevViaApi } from './documents.ts';

/** Test helpers for the section «Консультации» and notifications: the path-1 story arranged through the API. */

/** Demo staff accounts the test server is started with (`--demo`). */
export const BAKULEV_DOCTOR = { phone: '+79000000001', password: 'demo-bakulev' };

const staffTokens = new Map<string, Promise<string>>();

/** A token of a demo staff account, signed in once per test file. */
export function staffToken(account: { phone: string; password: string } = BAKULEV_DOCTOR): Promise<string> {
  let token = staffTokens.get(account.phone);
  if (!token) {
    token = signInViaApi(account).then((auth) => auth.token);
    staffTokens.set(account.phone, token);
  }
  return token;
}

/** Uploads the Bakulev center's required documents and files an application to it. */
export async function applyToBakulev(token: string): Promise<Application> {
  return (await applyToBakulevViaApi(token)).application;
}

/** A registered patient with a waiting application to the Bakulev center. */
export async function patientWithApplication() {
  const { patient, auth } = await registerPatient();
  const application = await applyToBakulev(auth.token);
  return { patient, auth, application };
}

/**
 * A start time in the future that the demo doctor is likely free at: the doctor is shared by
 * every test of the run, so times are spread at random over the coming year (and retried on 409).
 */
function randomFutureStart(): string {
  const halfHours = 48 + Math.floor(Math.random() * 48 * 360);
  const start = new Date(Date.now() + halfHours * 30 * 60_000);
  start.setUTCMinutes(start.getUTCMinutes() < 30 ? 0 : 30, 0, 0);
  return start.toISOString();
}

/** The demo Bakulev doctor schedules the application; the patient gets a notification. */
export async function scheduleAsDoctor(applicationId: string, startsAt?: string): Promise<Consultation> {
  const token = await staffToken();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { status, body } = await callApi('POST', `/applications/${applicationId}/schedule`, {
      token,
      body: { startsAt: startsAt ?? randomFutureStart(), durationMinutes: 30 },
    });
    if (status === 201 || status === 200) return body as Consultation;
    if (status !== 409) throw new Error(`schedule failed: ${status} ${JSON.stringify(body)}`);
    // A time the test needs exactly: another test's consultation holds it, so that one goes.
    const busy = (body as { error?: { details?: { consultationId?: string } } }).error?.details?.consultationId;
    if (startsAt && !busy) throw new Error(`schedule failed: ${status} ${JSON.stringify(body)}`);
    if (startsAt) await callApi('POST', `/consultations/${busy}/cancel`, { token, body: {} });
  }
  throw new Error('schedule failed: the doctor is busy at every time tried');
}

export async function declineAsDoctor(applicationId: string, reason: string): Promise<Application> {
  const { status, body } = await callApi('POST', `/applications/${applicationId}/decline`, {
    token: await staffToken(),
    body: { reason },
  });
  if (status !== 200) throw new Error(`decline failed: ${status} ${JSON.stringify(body)}`);
  return body as Application;
}

export async function concludeAsDoctor(consultationId: string, input: WriteConclusionRequest): Promise<Conclusion> {
  const { status, body } = await callApi('POST', `/consultations/${consultationId}/conclusion`, {
    token: await staffToken(),
    body: input,
  });
  if (status !== 201) throw new Error(`conclusion failed: ${status} ${JSON.stringify(body)}`);
  return body as Conclusion;
}

export async function cancelAsDoctor(consultationId: string, reason?: string): Promise<Consultation> {
  const { status, body } = await callApi('POST', `/consultations/${consultationId}/cancel`, {
    token: await staffToken(),
    body: reason ? { reason } : {},
  });
  if (status !== 200) throw new Error(`cancel failed: ${status} ${JSON.stringify(body)}`);
  return body as Consultation;
}

/** The doctor presses «Завершить» in the video room: the call ends for both (POST /consultations/:id/video/end). */
export async function endCallAsDoctor(consultationId: string): Promise<void> {
  const { status, body } = await callApi('POST', `/consultations/${consultationId}/video/end`, { token: await staffToken() });
  if (status !== 204) throw new Error(`end failed: ${status} ${JSON.stringify(body)}`);
}

/** What the API now says about the patient's own consultations and applications. */
export async function patientState(token: string) {
  const [consultations, applications, notifications] = await Promise.all([
    callApi('GET', '/consultations', { token }),
    callApi('GET', '/applications', { token }),
    callApi('GET', '/notifications', { token }),
  ]);
  return {
    consultations: (consultations.body as { items: Consultation[] }).items,
    applications: (applications.body as { items: Application[] }).items,
    notifications: notifications.body as { items: { id: string; readAt: string | null }[]; unread: number },
  };
}

/**
 * Counts EventSource connections the page opens, for proving that one stream serves every
 * element. Returns the list of opened sources and a function that puts the original back.
 */
export function watchEventSources(): { opened: EventSource[]; restore: () => void } {
  const Original = window.EventSource;
  const opened: EventSource[] = [];
  class Watched extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      opened.push(this);
    }
  }
  window.EventSource = Watched;
  return { opened, restore: () => (window.EventSource = Original) };
}
