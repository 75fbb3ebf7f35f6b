// Test helpers for path 2 (duty doctors): fresh slots published through the API by a demo duty
// doctor, bookings arranged through the API, and a stub for answers the shared server cannot give.
import type { AuthResponse, Consultation, DutySlot } from '@oz/contracts';
import { pageConfig } from '../src/internal/page-config.ts';
import { session } from '../src/session/session.ts';
import { callApi, registerPatient, testApi } from './api.ts';

/** The demo duty doctors the test server seeds (`--demo`), one per center. */
export const DUTY_DOCTORS = {
  bakulev: { phone: '+79000000003', password: 'demo-duty', fullName: 'Кузнецов Дмитрий Сергеевич' },
  kulakov: { phone: '+79000000004', password: 'demo-duty-k', fullName: 'Соколова Елена Викторовна' },
} as const;

/** Points every element at the test API in Russian and forgets any session (without index.ts). */
export async function useDutyTestApi(): Promise<void> {
  pageConfig.configure({ api: testApi, lang: 'ru' });
  await session.use(testApi);
  await session.ready;
  session.clear();
  localStorage.clear();
}

/** Signs the page in as this user, as <oz-register> would after a sign-in. */
export function signInPage(auth: AuthResponse): void {
  session.adopt(auth, testApi);
}

export async function signInAs(phone: string, password: string): Promise<AuthResponse> {
  const { status, body } = await callApi('POST', '/auth/login', { body: { phone, password } });
  if (status !== 200) throw new Error(`sign-in failed: ${status} ${JSON.stringify(body)}`);
  return body as AuthResponse;
}

/** A newly registered patient (through the API). */
export async function newPatientAuth(): Promise<AuthResponse> {
  return (await registerPatient()).auth;
}

const MINUTE = 60_000;
const tokens = new Map<string, Promise<string>>();

function dutyToken(center: keyof typeof DUTY_DOCTORS): Promise<string> {
  let token = tokens.get(center);
  if (!token) {
    const { phone, password } = DUTY_DOCTORS[center];
    token = signInAs(phone, password).then((auth) => auth.token);
    tokens.set(center, token);
  }
  return token;
}

/**
 * Publishes `count` consecutive 20-minute slots as the center's demo duty doctor, 2–12 days ahead
 * (inside the two weeks the element shows) at a random evening or night hour Moscow time, away from
 * the demo seed's 10:00–13:00; tries again elsewhere when the doctor already has a slot there.
 */
export async function publishSlots(count = 1, center: keyof typeof DUTY_DOCTORS = 'kulakov'): Promise<DutySlot[]> {
  const token = await dutyToken(center);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const day = 2 + Math.floor(Math.random() * 11);
    const start = new Date(Date.now() + day * 24 * 60 * MINUTE);
    // 14:00–22:59 UTC is 17:00–01:59 in Moscow.
    start.setUTCHours(14 + Math.floor(Math.random() * 9), Math.floor(Math.random() * 12) * 5, 0, 0);
    const endsAt = new Date(start.getTime() + count * 20 * MINUTE).toISOString();
    const { status, body } = await callApi('POST', '/duty/slots', {
      token,
      body: { startsAt: start.toISOString(), endsAt, durationMinutes: 20 },
    });
    if (status === 201) return (body as { items: DutySlot[] }).items;
    if (status !== 409) throw new Error(`publishing slots failed: ${status} ${JSON.stringify(body)}`);
  }
  throw new Error('no free period found for new slots');
}

/** Books a slot through the API, as another patient (or this one) would elsewhere. */
export async function bookViaApi(token: string, slotId: string, topic?: string): Promise<Consultation> {
  const { status, body } = await callApi('POST', `/duty/slots/${slotId}/book`, {
    token,
    body: topic ? { channel: 'video', topic } : { channel: 'video' },
  });
  if (status !== 201) throw new Error(`booking failed: ${status} ${JSON.stringify(body)}`);
  return body as Consultation;
}

export async function listConsultations(token: string): Promise<Consultation[]> {
  const { status, body } = await callApi('GET', '/consultations', { token });
  if (status !== 200) throw new Error(`listing consultations failed: ${status}`);
  return (body as { items: Consultation[] }).items;
}

/** The free slots of a center as the API lists them for the next two weeks. */
export async function freeSlots(centerId: string): Promise<DutySlot[]> {
  const to = new Date(Date.now() + 14 * 24 * 60 * MINUTE).toISOString();
  const { status, body } = await callApi('GET', `/duty/slots?centerId=${centerId}&to=${encodeURIComponent(to)}`);
  if (status !== 200) throw new Error(`listing slots failed: ${status}`);
  return (body as { items: DutySlot[] }).items;
}

/**
 * Answers matching API requests with a canned response, for states the shared test server cannot
 * be put in (a closed program period, no free time at all, a failure). Everything else still goes
 * to the real API. `path` is matched without the query string.
 */
export function stubApi(method: string, path: string, status: number, body: unknown) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? 'GET') === method && url.split('?')[0] === `${testApi}/api/v1${path}`) {
      calls.push(url);
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    }
    return original(input, init);
  };
  return {
    calls,
    restore() {
      window.fetch = original;
    },
  };
}
