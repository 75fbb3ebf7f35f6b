// Test helpers for the chat before a consultation and the duty doctors' side of path 2: duty
// consultations arranged through the API, messages sent as the other side, slots published.
import type { AuthResponse, ChatMessage, Consultation, DutySlot } from '@oz/contracts';
import { allItems, callApi, registerPatient, signInViaApi } from './api.ts';

/** The demo duty doctors the test server seeds (`--demo`). */
export const DUTY = {
  bakulev: { phone: '+79000000003', password: 'demo-duty', fullName: 'Кузнецов Дмитрий Сергеевич' },
  kulakov: { phone: '+79000000004', password: 'demo-duty-k', fullName: 'Соколова Елена Викторовна' },
} as const;

const HOUR = 3_600_000;
const sessions = new Map<string, Promise<AuthResponse>>();

/** A duty doctor signed in once per test file (a new sign-in would not revoke the page's session). */
export function dutyAuth(center: keyof typeof DUTY = 'kulakov'): Promise<AuthResponse> {
  let auth = sessions.get(center);
  if (!auth) {
    auth = signInViaApi(DUTY[center]);
    sessions.set(center, auth);
  }
  return auth;
}

let periodCounter = 0;

/**
 * A whole hour in the browser's local time, weeks to years ahead, that no other call of this run
 * returns: the demo duty doctors are shared, and the API refuses overlapping slots.
 */
export function futurePeriod(hours = 1): { date: string; start: string; end: string; startsAt: string; endsAt: string } {
  periodCounter += 1;
  const start = new Date();
  start.setDate(start.getDate() + 20 + Math.floor(Math.random() * 2000) + periodCounter * 3);
  start.setHours(6 + (periodCounter % 12), 0, 0, 0);
  const end = new Date(start.getTime() + hours * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    start: `${pad(start.getHours())}:00`,
    end: `${pad(end.getHours())}:${pad(end.getMinutes())}`,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
  };
}

/** Publishes slots as a duty doctor through the API, retrying elsewhere on an overlap. */
export async function publishAsDuty(center: keyof typeof DUTY = 'kulakov', hours = 1, durationMinutes = 20): Promise<DutySlot[]> {
  const { token } = await dutyAuth(center);
  for (let attempt = 0; attempt < 10; attempt++) {
    const { startsAt, endsAt } = futurePeriod(hours);
    const { status, body } = await callApi('POST', '/duty/slots', { token, body: { startsAt, endsAt, durationMinutes } });
    if (status === 201) return (body as { items: DutySlot[] }).items;
    if (status !== 409) throw new Error(`publishing failed: ${status} ${JSON.stringify(body)}`);
  }
  throw new Error('no free period for new slots');
}

export async function bookAs(token: string, slotId: string, topic?: string): Promise<Consultation> {
  const { status, body } = await callApi('POST', `/duty/slots/${slotId}/book`, { token, body: topic ? { topic } : {} });
  if (status !== 201) throw new Error(`booking failed: ${status} ${JSON.stringify(body)}`);
  return body as Consultation;
}

/** A new patient who booked a duty doctor's slot: the consultation whose chat the tests use. */
export async function dutyConsultation(options: { center?: keyof typeof DUTY; topic?: string; fullName?: string } = {}) {
  const center = options.center ?? 'kulakov';
  const [slot] = await publishAsDuty(center);
  const { auth: patient } = await registerPatient(options.fullName ? { fullName: options.fullName } : {});
  const consultation = await bookAs(patient.token, slot!.id, options.topic);
  return { patient, doctor: await dutyAuth(center), consultation, slot: slot! };
}

export async function postAs(token: string, consultationId: string, text: string): Promise<ChatMessage> {
  const { status, body } = await callApi('POST', `/consultations/${consultationId}/messages`, { token, body: { text } });
  if (status !== 201) throw new Error(`posting failed: ${status} ${JSON.stringify(body)}`);
  return body as ChatMessage;
}

export async function messagesOf(token: string, consultationId: string): Promise<ChatMessage[]> {
  const { status, body } = await callApi('GET', `/consultations/${consultationId}/messages`, { token });
  if (status !== 200) throw new Error(`listing messages failed: ${status}`);
  return (body as { items: ChatMessage[] }).items;
}

export async function cancelAs(token: string, consultationId: string): Promise<Consultation> {
  const { status, body } = await callApi('POST', `/consultations/${consultationId}/cancel`, { token, body: {} });
  if (status !== 200) throw new Error(`cancel failed: ${status} ${JSON.stringify(body)}`);
  return body as Consultation;
}

export async function mySlotsOf(token: string): Promise<DutySlot[]> {
  return allItems<DutySlot>('/duty/slots/mine?limit=500', token);
}
