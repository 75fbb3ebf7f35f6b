// The data `npm run bench:api` reads and writes: a registered patient with two booked duty
// consultations, one of them with an unread chat message from the doctor.
import { registerViaApi } from '../e2e/harness.ts';
import type { BenchRequest } from './api-recording.ts';

const API = '/api/v1';
/** The range <oz-duty-schedule> asks for: now and the next 14 days. */
const DUTY_RANGE_MS = 14 * 24 * 60 * 60_000;

async function call<T>(origin: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${origin}${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Seeds the demo server's data and returns the benchmark's requests (the same ones on every server). */
export async function prepareBenchRequests(origin: string, dataDir: string): Promise<BenchRequest[]> {
  const { token } = await registerViaApi(origin, dataDir, { fullName: 'Нагрузкин Тест Тестович', birthDate: '1980-01-01', phone: '+79000000777', password: 'bench-password-1' });
  const from = new Date();
  const dutyQuery = new URLSearchParams({ centerId: 'bakulev', from: from.toISOString(), to: new Date(from.getTime() + DUTY_RANGE_MS).toISOString() });
  const slots = await call<{ items: { id: string }[] }>(origin, 'GET', `/duty/slots?${dutyQuery}`, null);
  const booked: { id: string }[] = [];
  for (const slot of slots.items.slice(0, 2)) booked.push(await call(origin, 'POST', `/duty/slots/${slot.id}/book`, token, { topic: 'Повторная консультация' }));
  const consultation = booked[0]!.id;
  const doctor = await call<{ token: string }>(origin, 'POST', '/auth/login', null, { phone: '+79000000003', password: 'demo-duty' });
  await call(origin, 'POST', `/consultations/${consultation}/messages`, doctor.token, { text: 'Здравствуйте! Пришлите, пожалуйста, выписку.' });
  const bearer = { Authorization: `Bearer ${token}` };
  return [
    { name: 'GET /centers', method: 'GET', path: `${API}/centers`, headers: {}, status: 200 },
    { name: 'GET /duty/slots', method: 'GET', path: `${API}/duty/slots?${dutyQuery}`, headers: {}, status: 200 },
    { name: 'GET /consultations (patient)', method: 'GET', path: `${API}/consultations`, headers: bearer, status: 200 },
    { name: 'POST /consultations/{id}/messages/read', method: 'POST', path: `${API}/consultations/${consultation}/messages/read`, headers: bearer, status: 204 },
  ];
}
