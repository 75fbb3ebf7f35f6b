// Test helpers for path 2 (duty doctors): fresh slots published through the API by a demo duty
// doctor, and bookings arranged through the API.
import type { Consultation, DutySlot } from '@oz/contracts';
import { allItems, callApi } from './api.ts';
import { DUTY, dutyAuth } from './chat.ts';

const MINUTE = 60_000;

/**
 * Publishes `count` consecutive 20-minute slots as the center's demo duty doctor, 2–12 days ahead
 * (inside the two weeks the element shows) at a random evening or night hour Moscow time, away from
 * the demo seed's 10:00–13:00; tries again elsewhere when the doctor already has a slot there.
 */
export async function publishSlots(count = 1, center: keyof typeof DUTY = 'kulakov'): Promise<DutySlot[]> {
  const { token } = await dutyAuth(center);
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
  return allItems<Consultation>('/consultations?limit=200', token);
}

/** The free slots of a center as the API lists them for the next two weeks. */
export async function freeSlots(centerId: string): Promise<DutySlot[]> {
  const to = new Date(Date.now() + 14 * 24 * 60 * MINUTE).toISOString();
  return allItems<DutySlot>(`/duty/slots?centerId=${centerId}&to=${encodeURIComponent(to)}&limit=500`);
}
