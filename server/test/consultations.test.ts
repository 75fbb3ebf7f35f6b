import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff } from './fixtures.ts';

type Consultation = { id: string; status: string; cancelledBy: string | null; hasConclusion: boolean; patientName: string };

/** Each scheduled consultation gets its own hour, so one doctor's consultations never clash by chance. */
let hoursTaken = 0;

async function scheduled(server: TestServer, doctorToken: string, days = 2) {
  hoursTaken += 1;
  const patient = await registerPatient(server);
  const { application } = await applyToBakulev(server, patient.token);
  const response = await server.request(`/api/v1/applications/${application.id}/schedule`, {
    token: doctorToken,
    json: { startsAt: inDays(days + hoursTaken / 24), durationMinutes: 20 },
  });
  if (response.status !== 201) throw new Error(`schedule failed: ${response.status} ${await response.text()}`);
  const consultation = (await response.json()) as Consultation;
  return { patient, application, consultation };
}

describe('consultations', () => {
  let server: TestServer;
  let doctor: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer();
    doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: 'Петров А. И.' });
  });
  after(() => server.close());

  it('lists a consultation for its patient and its doctor only', async () => {
    const { patient, consultation } = await scheduled(server, doctor.token);
    const mine = (await (await server.request('/api/v1/consultations', { token: patient.token })).json()) as { items: Consultation[] };
    assert.deepEqual(mine.items.map((c) => c.id), [consultation.id]);
    const doctors = (await (await server.request('/api/v1/consultations', { token: doctor.token })).json()) as { items: Consultation[] };
    assert.ok(doctors.items.some((c) => c.id === consultation.id));
    const stranger = await registerPatient(server);
    const otherDoctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    for (const token of [stranger.token, otherDoctor.token]) {
      assert.equal((await server.request(`/api/v1/consultations/${consultation.id}`, { token })).status, 404);
      assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token })).status, 404);
    }
  });

  it('takes from and to in any offset, as the same moment', async () => {
    const { patient, consultation } = await scheduled(server, doctor.token);
    const { startsAt } = (await (await server.request(`/api/v1/consultations/${consultation.id}`, { token: patient.token })).json()) as { startsAt: string };
    // The same moment written in Moscow time without milliseconds, and one millisecond later.
    const moscow = (ms: number) => new Date(Date.parse(startsAt) + ms + 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+03:00');
    const ids = async (query: string) =>
      ((await (await server.request(`/api/v1/consultations?${query}`, { token: patient.token })).json()) as { items: Consultation[] }).items.map((c) => c.id);
    assert.deepEqual(await ids(`from=${encodeURIComponent(moscow(0))}`), [consultation.id]);
    assert.deepEqual(await ids(`from=${encodeURIComponent(moscow(1000))}`), []);
    assert.deepEqual(await ids(`to=${encodeURIComponent(moscow(1000))}`), [consultation.id]);
  });

  it('the patient cancels: the doctor is notified and the application is withdrawn', async () => {
    const { patient, application, consultation } = await scheduled(server, doctor.token);
    const response = await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { token: patient.token, json: { reason: 'Лягу в больницу' } });
    assert.equal(response.status, 200);
    const cancelled = (await response.json()) as Consultation;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelledBy, 'patient');
    const app = (await (await server.request(`/api/v1/applications/${application.id}`, { token: patient.token })).json()) as { status: string };
    assert.equal(app.status, 'cancelled');
    const notes = (await (await server.request('/api/v1/notifications', { token: doctor.token })).json()) as { items: { kind: string; data: { consultationId: string; reason?: string } }[] };
    const note = notes.items.find((n) => n.data.consultationId === consultation.id);
    assert.equal(note?.kind, 'consultation_cancelled');
    assert.equal(note?.data.reason, 'Лягу в больницу');
    const cancelledTwice = await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
    assert.equal(cancelledTwice.status, 409);
    assert.deepEqual((await errorOf(cancelledTwice)).details, { reason: 'not_cancellable' });
  });

  it('the doctor cancels without a reason: the patient is notified and the application returns to the queue', async () => {
    const { patient, application, consultation } = await scheduled(server, doctor.token);
    const response = await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: doctor.token });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Consultation).cancelledBy, 'doctor');
    const app = (await (await server.request(`/api/v1/applications/${application.id}`, { token: doctor.token })).json()) as { status: string; consultationId: string | null };
    assert.deepEqual([app.status, app.consultationId], ['submitted', null]);
    const notes = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { kind: string }[] };
    assert.equal(notes.items[0]?.kind, 'consultation_cancelled');
  });

  it('the doctor writes the conclusion; the patient is notified and reads it', async () => {
    const { patient, consultation } = await scheduled(server, doctor.token);
    assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: patient.token })).status, 404);
    const invalid = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: doctor.token, json: { text: '', outcome: 'maybe' } });
    assert.deepEqual((await errorOf(invalid)).details?.fields?.map((f) => f.field), ['text', 'outcome']);
    const byPatient = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: patient.token, json: { text: 'x', outcome: 'conclusion' } });
    assert.equal(byPatient.status, 403);

    const written = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, {
      token: doctor.token,
      json: { text: 'Показано плановое оперативное лечение.', recommendations: 'Бисопролол 2,5 мг утром.', outcome: 'in_person' },
    });
    assert.equal(written.status, 201);
    const read = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: patient.token });
    assert.equal(read.status, 200);
    const conclusion = (await read.json()) as { text: string; outcome: string; doctorName: string };
    assert.deepEqual([conclusion.outcome, conclusion.doctorName], ['in_person', 'Петров А. И.']);
    const after = (await (await server.request(`/api/v1/consultations/${consultation.id}`, { token: patient.token })).json()) as Consultation;
    assert.deepEqual([after.status, after.hasConclusion], ['completed', true]);
    const notes = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { kind: string }[] };
    assert.equal(notes.items[0]?.kind, 'conclusion_ready');
    const twice = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: doctor.token, json: { text: 'again', outcome: 'conclusion' } });
    assert.equal(twice.status, 409);
    assert.equal((await errorOf(twice)).details?.reason, 'conclusion_written');
    const cancelCompleted = await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
    assert.equal(cancelCompleted.status, 409);
    assert.equal((await errorOf(cancelCompleted)).details?.reason, 'not_cancellable');
  });

  it('refuses a conclusion on a cancelled consultation', async () => {
    const { patient, consultation } = await scheduled(server, doctor.token);
    await server.request(`/api/v1/consultations/${consultation.id}/cancel`, { method: 'POST', token: patient.token });
    const response = await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: doctor.token, json: { text: 'x', outcome: 'conclusion' } });
    assert.equal(response.status, 409);
    assert.equal((await errorOf(response)).details?.reason, 'consultation_cancelled');
  });
});

describe('notifications', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('marks a notification read, only for its owner', async () => {
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    const { patient } = await scheduled(server, doctor.token);
    const list = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { id: string }[]; unread: number };
    const id = list.items[0]!.id;
    const stranger = await registerPatient(server);
    assert.equal((await server.request(`/api/v1/notifications/${id}/read`, { method: 'POST', token: stranger.token })).status, 404);
    const read = await server.request(`/api/v1/notifications/${id}/read`, { method: 'POST', token: patient.token });
    assert.equal(read.status, 200);
    assert.ok(((await read.json()) as { readAt: string }).readAt);
    const after = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { unread: number };
    // The other one left unread: «Заявка отправлена» from applying.
    assert.equal(after.unread, list.unread - 1);
  });

  it('streams new notifications live over SSE with a one-use ticket', async () => {
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    assert.equal((await server.request('/api/v1/notifications/stream?ticket=forged')).status, 401);
    const { ticket } = (await (await server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: patient.token })).json()) as { ticket: string };
    const stream = await server.request(`/api/v1/notifications/stream?ticket=${ticket}`);
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('Content-Type') ?? '', /text\/event-stream/);
    assert.equal((await server.request(`/api/v1/notifications/stream?ticket=${ticket}`)).status, 401, 'a ticket works once');

    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${received}`);
        received += decoder.decode(value);
      }
    };
    await readUntil(/event: ready/);
    await server.request(`/api/v1/applications/${application.id}/schedule`, { token: doctor.token, json: { startsAt: inDays(1), durationMinutes: 30 } });
    await readUntil(/event: notification\ndata: .*application_scheduled/);
    await reader.cancel();
  });

  it('ends the stream when its session ends, delivering nothing more', async () => {
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const { ticket } = (await (await server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: patient.token })).json()) as { ticket: string };
    const reader = (await server.request(`/api/v1/notifications/stream?ticket=${ticket}`)).body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('event: ready')) received += decoder.decode((await reader.read()).value);

    assert.equal((await server.request('/api/v1/auth/logout', { method: 'POST', token: patient.token })).status, 204);
    await server.request(`/api/v1/applications/${application.id}/decline`, { token: doctor.token, json: { reason: 'Нужна свежая ЭХО КГ' } });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    assert.doesNotMatch(received, /application_declined/, 'a signed-out stream hears nothing');
  });

  it('ends the stream the moment its session ends, with nothing else happening', async () => {
    for (const end of ['sign-out', 'new password'] as const) {
      const patient = await registerPatient(server);
      const { ticket } = (await (await server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: patient.token })).json()) as { ticket: string };
      const reader = (await server.request(`/api/v1/notifications/stream?ticket=${ticket}`)).body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      while (!received.includes('event: ready')) received += decoder.decode((await reader.read()).value);

      if (end === 'sign-out') {
        assert.equal((await server.request('/api/v1/auth/logout', { method: 'POST', token: patient.token })).status, 204);
      } else {
        // Another session changes the password: every other session ends, this stream's too.
        const other = (await (await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } })).json()) as { token: string };
        const changed = await server.request('/api/v1/auth/password', { token: other.token, json: { currentPassword: patient.password, newPassword: 'Другой пароль 2026' } });
        assert.equal(changed.status, 200, await changed.text());
      }
      const started = Date.now();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
      // The heartbeat would have noticed only after 25 s.
      assert.ok(Date.now() - started < 3000, `${end}: the stream ended after ${Date.now() - started} ms`);
    }
  });
});
