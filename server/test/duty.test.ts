import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff } from './fixtures.ts';

type Slot = { id: string; startsAt: string; endsAt: string; doctorName: string; status: string; centerId: string };
const HOUR = 3600_000;

/** A whole hour some days ahead, so tests never collide with each other's slots. */
let hourOffset = 0;
function nextPeriod(hours = 1) {
  hourOffset += hours + 1;
  const start = new Date(Date.now() + 3 * 24 * HOUR + hourOffset * HOUR);
  start.setUTCMinutes(0, 0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + hours * HOUR).toISOString() };
}

describe('duty doctors: slots and booking', () => {
  let server: TestServer;
  let duty: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer({ OZ_MAX_DUTY_BOOKINGS: '2' });
    duty = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true, fullName: 'Кузнецов Д. С.' });
  });
  after(() => server.close());

  async function publish(period = nextPeriod(), durationMinutes = 20) {
    const response = await server.request('/api/v1/duty/slots', { token: duty.token, json: { ...period, durationMinutes } });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { items: Slot[] }).items;
  }

  it('publishes consecutive slots and lists the free ones publicly, with the doctor\'s name', async () => {
    const slots = await publish(nextPeriod(1), 20);
    assert.equal(slots.length, 3);
    assert.equal(Date.parse(slots[1]!.startsAt) - Date.parse(slots[0]!.startsAt), 20 * 60_000);
    const list = await server.request(`/api/v1/duty/slots?centerId=bakulev&from=${encodeURIComponent(slots[0]!.startsAt)}`);
    assert.equal(list.status, 200);
    const { items } = (await list.json()) as { items: Slot[] };
    assert.deepEqual(items.slice(0, 3).map((slot) => slot.id), slots.map((slot) => slot.id));
    assert.equal(items[0]?.doctorName, 'Кузнецов Д. С.');
    const kulakov = (await (await server.request(`/api/v1/duty/slots?centerId=kulakov&from=${encodeURIComponent(slots[0]!.startsAt)}`)).json()) as { items: Slot[] };
    assert.equal(kulakov.items.length, 0);
  });

  it('keeps open duty time and scheduled applications apart, so the doctor is never booked twice', async () => {
    const [slot] = await publish(nextPeriod(1), 20);
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const onSlot = await server.request(`/api/v1/applications/${application.id}/schedule`, {
      token: duty.token,
      json: { startsAt: slot!.startsAt, durationMinutes: 30 },
    });
    assert.equal(onSlot.status, 409);
    const error = await errorOf(onSlot);
    assert.deepEqual([error.details?.reason, error.details?.['slotId']], ['doctor_busy', slot!.id]);

    // And the other way round: no duty time over a scheduled consultation.
    const later = nextPeriod(1);
    const scheduled = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: duty.token, json: { startsAt: later.startsAt, durationMinutes: 30 } });
    assert.equal(scheduled.status, 201);
    const overConsultation = await server.request('/api/v1/duty/slots', { token: duty.token, json: { ...later, durationMinutes: 20 } });
    assert.equal(overConsultation.status, 409);
    const busy = await errorOf(overConsultation);
    assert.deepEqual([busy.code, busy.details?.reason, busy.details?.['consultationId']], ['conflict', 'doctor_busy', ((await scheduled.json()) as { id: string }).id]);
  });

  it('refuses overlapping, past, empty and oversize periods, and non-duty doctors', async () => {
    const period = nextPeriod(1);
    await publish(period);
    const overlap = await server.request('/api/v1/duty/slots', {
      token: duty.token,
      json: { startsAt: new Date(Date.parse(period.startsAt) + 30 * 60_000).toISOString(), endsAt: new Date(Date.parse(period.endsAt) + HOUR).toISOString() },
    });
    assert.equal(overlap.status, 409);
    const overlapError = await errorOf(overlap);
    assert.match(overlapError.message, /already have a slot/);
    assert.equal(overlapError.details?.reason, 'doctor_busy');
    assert.equal(typeof overlapError.details?.['slotId'], 'string', 'names the own slot in the way');
    const past = await server.request('/api/v1/duty/slots', { token: duty.token, json: { startsAt: inDays(-1), endsAt: inDays(-0.9) } });
    assert.equal((await errorOf(past)).details?.fields?.[0]?.code, 'date_in_past');
    const empty = nextPeriod(0);
    const tooShort = await server.request('/api/v1/duty/slots', { token: duty.token, json: { ...empty, durationMinutes: 30 } });
    assert.equal((await errorOf(tooShort)).details?.fields?.[0]?.field, 'endsAt');
    const huge = await server.request('/api/v1/duty/slots', { token: duty.token, json: { ...nextPeriod(20), durationMinutes: 10 } });
    assert.equal((await errorOf(huge)).details?.fields?.[0]?.code, 'too_long');
    const regular = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    assert.equal((await server.request('/api/v1/duty/slots', { token: regular.token, json: nextPeriod() })).status, 403);
    const patient = await registerPatient(server);
    assert.equal((await server.request('/api/v1/duty/slots', { token: patient.token, json: nextPeriod() })).status, 403);
  });

  it('books a slot without any documents; the slot leaves the free list and the doctor is notified', async () => {
    const [slot] = await publish();
    const patient = await registerPatient(server);
    const response = await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { token: patient.token, json: { channel: 'video', topic: 'Давление по утрам' } });
    assert.equal(response.status, 201);
    const consultation = (await response.json()) as { kind: string; topic: string; doctorName: string; startsAt: string; slotId: string };
    assert.deepEqual([consultation.kind, consultation.topic, consultation.doctorName, consultation.startsAt, consultation.slotId], ['duty', 'Давление по утрам', 'Кузнецов Д. С.', slot!.startsAt, slot!.id]);
    const free = (await (await server.request(`/api/v1/duty/slots?from=${encodeURIComponent(slot!.startsAt)}`)).json()) as { items: Slot[] };
    assert.ok(!free.items.some((item) => item.id === slot!.id));
    const mine = (await (await server.request('/api/v1/duty/slots/mine', { token: duty.token })).json()) as { items: Slot[] };
    assert.equal(mine.items.find((item) => item.id === slot!.id)?.status, 'booked');
    const notes = (await (await server.request('/api/v1/notifications', { token: duty.token })).json()) as { items: { kind: string }[] };
    assert.equal(notes.items[0]?.kind, 'duty_booked');
  });

  it('never books one slot twice, even for many simultaneous requests', async () => {
    const [slot] = await publish();
    const patients = await Promise.all(Array.from({ length: 8 }, () => registerPatient(server)));
    const responses = await Promise.all(
      patients.map((patient) => server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST', token: patient.token })),
    );
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
    const losers = responses.filter((response) => response.status === 409);
    for (const loser of losers) assert.equal((await errorOf(loser)).code, 'slot_taken');
    const consultations = await Promise.all(patients.map(async (patient) => ((await (await server.request('/api/v1/consultations', { token: patient.token })).json()) as { items: unknown[] }).items.length));
    assert.equal(consultations.reduce((a, b) => a + b, 0), 1);
  });

  it('limits future duty bookings per patient', async () => {
    const slots = await publish(nextPeriod(1), 20);
    const patient = await registerPatient(server);
    for (const slot of slots.slice(0, 2)) {
      assert.equal((await server.request(`/api/v1/duty/slots/${slot.id}/book`, { method: 'POST', token: patient.token })).status, 201);
    }
    const third = await server.request(`/api/v1/duty/slots/${slots[2]!.id}/book`, { method: 'POST', token: patient.token });
    assert.equal(third.status, 409);
    assert.equal((await errorOf(third)).code, 'booking_limit');
  });

  it('gives the slot back when either side cancels', async () => {
    const [slot] = await publish();
    const patient = await registerPatient(server);
    const consultation = (await (await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST', token: patient.token })).json()) as { id: string };
    const cancel = await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
    assert.equal(cancel.status, 200);
    const free = (await (await server.request(`/api/v1/duty/slots?from=${encodeURIComponent(slot!.startsAt)}`)).json()) as { items: Slot[] };
    assert.ok(free.items.some((item) => item.id === slot!.id), 'the slot is free again');
    const notes = (await (await server.request('/api/v1/notifications', { token: duty.token })).json()) as { items: { kind: string }[] };
    assert.equal(notes.items[0]?.kind, 'consultation_cancelled');
    const again = await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST', token: (await registerPatient(server)).token });
    assert.equal(again.status, 201);
  });

  it('removes a free slot of one\'s own, not a booked one or another doctor\'s', async () => {
    const [first, second] = await publish(nextPeriod(1), 30);
    const other = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true });
    assert.equal((await server.request(`/api/v1/duty/slots/${first!.id}`, { method: 'DELETE', token: other.token })).status, 404);
    assert.equal((await server.request(`/api/v1/duty/slots/${first!.id}`, { method: 'DELETE', token: duty.token })).status, 204);
    const patient = await registerPatient(server);
    await server.request(`/api/v1/duty/slots/${second!.id}/book`, { method: 'POST', token: patient.token });
    const removeBooked = await server.request(`/api/v1/duty/slots/${second!.id}`, { method: 'DELETE', token: duty.token });
    assert.equal(removeBooked.status, 409);
    assert.equal((await errorOf(removeBooked)).details?.reason, 'slot_booked');
    assert.equal((await server.request(`/api/v1/duty/slots/${first!.id}/book`, { method: 'POST', token: patient.token })).status, 404);
  });

  it('refuses bookings by staff and of unknown slots', async () => {
    const [slot] = await publish();
    assert.equal((await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST', token: duty.token })).status, 403);
    assert.equal((await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST' })).status, 401);
    const patient = await registerPatient(server);
    assert.equal((await server.request('/api/v1/duty/slots/nope/book', { method: 'POST', token: patient.token })).status, 404);
    const badTopic = await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { token: patient.token, json: { topic: 'я'.repeat(501) } });
    assert.equal(badTopic.status, 422);
  });
});

describe('chat before the consultation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('lets only the patient and the doctor write and read, live to both, with a length limit', async () => {
    const duty = await signInStaff(server, { role: 'doctor', centerId: 'kulakov', isDutyDoctor: true, fullName: 'Соколова Е. В.' });
    const start = new Date(Date.now() + 2 * 24 * HOUR);
    start.setUTCMinutes(0, 0, 0);
    const published = await server.request('/api/v1/duty/slots', {
      token: duty.token,
      json: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 20 * 60_000).toISOString(), durationMinutes: 20 },
    });
    const [slot] = ((await published.json()) as { items: Slot[] }).items;
    const patient = await registerPatient(server, { fullName: 'Орлова Ирина' });
    const consultation = (await (await server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST', token: patient.token })).json()) as { id: string };

    const { ticket } = (await (await server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: duty.token })).json()) as { ticket: string };
    const stream = await server.request(`/api/v1/notifications/stream?ticket=${ticket}`);
    const reader = stream.body!.getReader();
    let received = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        received += new TextDecoder().decode(value);
      }
    };
    await readUntil(/event: ready/);

    const sent = await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: '<b>Здравствуйте</b>, можно ли взять анализы?' } });
    assert.equal(sent.status, 201);
    await readUntil(/event: message\ndata: .*можно ли взять анализы/);
    await reader.cancel();
    const reply = await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: duty.token, json: { text: 'Да, возьмите.' } });
    assert.equal(reply.status, 201);

    const list = (await (await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token })).json()) as { items: { text: string; authorRole: string; authorName: string }[] };
    assert.deepEqual(list.items.map((m) => [m.authorRole, m.authorName, m.text]), [
      ['patient', 'Орлова Ирина', '<b>Здравствуйте</b>, можно ли взять анализы?'],
      ['doctor', 'Соколова Е. В.', 'Да, возьмите.'],
    ]);
    const stranger = await registerPatient(server);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: stranger.token })).status, 404);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: stranger.token, json: { text: 'hi' } })).status, 404);
    const long = await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: 'я'.repeat(2001) } });
    assert.equal(long.status, 422);
    assert.deepEqual((await errorOf(long)).details?.fields?.map((f) => [f.field, f.code]), [['text', 'too_long']]);
    const blank = await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: '   ' } });
    assert.equal(blank.status, 422);

    await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
    const afterCancel = await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: 'ещё' } });
    assert.equal(afterCancel.status, 409);
    assert.equal((await errorOf(afterCancel)).details?.reason, 'consultation_cancelled');
  });
});
