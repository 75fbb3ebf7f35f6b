import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitForSms } from './sms-outbox.ts';
import { startFakeSmsGateway } from './fake-sms-gateway.ts';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff, uploadOk } from './fixtures.ts';

type Application = { id: string; status: string; patient: { fullName: string; age: number }; consultationId: string | null; declineReason: string | null };

describe('applications: patient files, doctor reviews', () => {
  let server: TestServer;
  let bakulevDoctor: Awaited<ReturnType<typeof signInStaff>>;
  let kulakovDoctor: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer();
    bakulevDoctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: 'Петров А. И.' });
    kulakovDoctor = await signInStaff(server, { role: 'doctor', centerId: 'kulakov' });
  });
  after(() => server.close());

  it('files an application with the name and age from the profile', async () => {
    const patient = await registerPatient(server, { birthDate: '1956-04-12' });
    const { application } = await applyToBakulev(server, patient.token);
    const full = application as unknown as Application & { source: string; documentIds: string[] };
    assert.equal(full.status, 'submitted');
    assert.equal(full.source, 'own');
    assert.equal(full.patient.fullName, 'Иванова Мария Петровна');
    assert.ok(full.patient.age >= 70);
    assert.equal(full.documentIds.length, 3);
    const mine = (await (await server.request('/api/v1/applications', { token: patient.token })).json()) as { items: Application[] };
    assert.deepEqual(mine.items.map((a) => a.id), [application.id]);
  });

  it('explains which required documents are missing', async () => {
    const patient = await registerPatient(server);
    const ecg = await uploadOk(server, patient.token, 'ecg');
    const response = await server.request('/api/v1/applications', {
      token: patient.token,
      json: { centerId: 'bakulev', disease: 'cardiomyopathies', diagnosis: 'ДКМП', complaints: 'Одышка', documentIds: [ecg.id] },
    });
    assert.equal(response.status, 422);
    const error = await errorOf(response);
    assert.deepEqual((error.details as { missingKinds: string[] }).missingKinds, ['discharge_summary', 'echocg']);
    assert.equal(error.details?.fields?.[0]?.code, 'documents_missing');
    assert.match(error.message, /ЭХО КГ/);
  });

  it('refuses a disease of another center, someone else\'s document and bad fields', async () => {
    const patient = await registerPatient(server);
    const other = await registerPatient(server);
    const foreign = await uploadOk(server, other.token, 'ecg');
    const cases = [
      [{ centerId: 'bakulev', disease: 'fetal_arrhythmias', diagnosis: 'x', complaints: 'y' }, 'disease'],
      [{ centerId: 'bakulev', disease: 'cardiomyopathies', diagnosis: 'x', complaints: 'y', documentIds: [foreign.id] }, 'documentIds'],
      [{ centerId: 'sklif', disease: 'x', diagnosis: 'x', complaints: 'y' }, 'centerId'],
      [{ centerId: 'bakulev', disease: 'cardiomyopathies', diagnosis: '', complaints: 'y'.repeat(2001) }, 'diagnosis'],
    ] as const;
    for (const [json, field] of cases) {
      const response = await server.request('/api/v1/applications', { token: patient.token, json });
      assert.equal(response.status, 422, field);
      assert.equal((await errorOf(response)).details?.fields?.[0]?.field, field);
    }
    const mine = (await (await server.request('/api/v1/applications', { token: patient.token })).json()) as { items: unknown[] };
    assert.equal(mine.items.length, 0);
  });

  it('allows one waiting application per center', async () => {
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    await assert.rejects(applyToBakulev(server, patient.token), /409/);
    const refused = await applyToBakulev(server, patient.token).then(() => 'applied twice', (error: Error) => error.message);
    const body = JSON.parse(refused.slice(refused.indexOf('{'))) as { error: { code: string; details?: Record<string, unknown> } };
    assert.equal(body.error.code, 'conflict');
    assert.deepEqual(body.error.details, { reason: 'application_waiting', applicationId: application.id });
  });

  it('shows a doctor only their own center\'s queue, oldest first, filtered by status', async () => {
    const first = await registerPatient(server);
    const second = await registerPatient(server);
    const a = await applyToBakulev(server, first.token);
    const b = await applyToBakulev(server, second.token);
    const queue = (await (await server.request('/api/v1/applications?status=submitted', { token: bakulevDoctor.token })).json()) as { items: Application[] };
    const ids = queue.items.map((item) => item.id);
    assert.ok(ids.indexOf(a.application.id) < ids.indexOf(b.application.id));
    assert.ok(queue.items.every((item) => item.status === 'submitted'));
    const kulakovQueue = (await (await server.request('/api/v1/applications', { token: kulakovDoctor.token })).json()) as { items: Application[] };
    assert.ok(!kulakovQueue.items.some((item) => item.id === a.application.id));
    assert.equal((await server.request(`/api/v1/applications/${a.application.id}`, { token: kulakovDoctor.token })).status, 404);
    assert.equal((await server.request(`/api/v1/applications/${a.application.id}`, { token: second.token })).status, 404);
    assert.equal((await server.request('/api/v1/applications?status=lost', { token: bakulevDoctor.token })).status, 422);
    const manager = await signInStaff(server, { role: 'manager' });
    assert.equal((await server.request('/api/v1/applications', { token: manager.token })).status, 403);
  });

  it('schedules: creates the consultation and notifies the patient in the cabinet and by SMS', async () => {
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const startsAt = inDays(2);
    const response = await server.request(`/api/v1/applications/${application.id}/schedule`, {
      token: bakulevDoctor.token,
      json: { startsAt, durationMinutes: 30 },
    });
    assert.equal(response.status, 201);
    const consultation = (await response.json()) as { id: string; kind: string; status: string; doctorName: string; startsAt: string; endsAt: string };
    assert.equal(consultation.kind, 'application');
    assert.equal(consultation.status, 'scheduled');
    assert.equal(consultation.doctorName, 'Петров А. И.');
    assert.equal(Date.parse(consultation.endsAt) - Date.parse(consultation.startsAt), 30 * 60_000);

    const after = (await (await server.request(`/api/v1/applications/${application.id}`, { token: patient.token })).json()) as Application;
    assert.equal(after.status, 'scheduled');
    assert.equal(after.consultationId, consultation.id);

    const notifications = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { kind: string; data: { consultationId: string } }[]; unread: number };
    // «Заявка отправлена» from applying, then the date set.
    assert.equal(notifications.unread, 2);
    assert.equal(notifications.items[0]?.kind, 'application_scheduled');
    assert.equal(notifications.items[1]?.kind, 'application_submitted');
    assert.equal(notifications.items[0]?.data.consultationId, consultation.id);

    const [sms] = await waitForSms(server, patient.user.phone);
    assert.match(sms ?? '', /назначена на \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} мск\./);

    const again = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: bakulevDoctor.token, json: { startsAt, durationMinutes: 30 } });
    assert.equal(again.status, 409);
    assert.equal((await errorOf(again)).details?.reason, 'already_reviewed');
  });

  it('refuses scheduling by a doctor of another center, in the past, or over another consultation', async () => {
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const other = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    assert.equal((await server.request(`/api/v1/applications/${application.id}/schedule`, { token: kulakovDoctor.token, json: { startsAt: inDays(3) } })).status, 404);
    assert.equal((await server.request(`/api/v1/applications/${application.id}/schedule`, { token: patient.token, json: { startsAt: inDays(3) } })).status, 403);
    const past = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: other.token, json: { startsAt: inDays(-1) } });
    assert.equal(past.status, 422);
    assert.equal((await errorOf(past)).details?.fields?.[0]?.code, 'date_in_past');
    const badDate = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: other.token, json: { startsAt: 'tomorrow', durationMinutes: 5 } });
    assert.deepEqual((await errorOf(badDate)).details?.fields?.map((f) => f.field), ['startsAt', 'durationMinutes']);

    const second = await applyToBakulev(server, (await registerPatient(server)).token);
    const slot = inDays(5);
    const booked = await server.request(`/api/v1/applications/${second.application.id}/schedule`, { token: other.token, json: { startsAt: slot, durationMinutes: 60 } });
    assert.equal(booked.status, 201);
    const bookedId = ((await booked.json()) as { id: string }).id;
    const clash = await server.request(`/api/v1/applications/${application.id}/schedule`, {
      token: other.token,
      json: { startsAt: new Date(Date.parse(slot) + 30 * 60_000).toISOString(), durationMinutes: 30 },
    });
    assert.equal(clash.status, 409);
    const clashError = await errorOf(clash);
    assert.equal(clashError.details?.reason, 'doctor_busy');
    assert.equal(clashError.details?.['consultationId'], bookedId);
    assert.equal(((await (await server.request(`/api/v1/applications/${application.id}`, { token: patient.token })).json()) as Application).status, 'submitted');
  });

  it('declines with a reason and notifies the patient; a reviewed application cannot be declined again', async () => {
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const missingReason = await server.request(`/api/v1/applications/${application.id}/decline`, { token: bakulevDoctor.token, json: { reason: ' ' } });
    assert.equal(missingReason.status, 422);
    const response = await server.request(`/api/v1/applications/${application.id}/decline`, {
      token: bakulevDoctor.token,
      json: { reason: 'Нужна свежая ЭХО КГ (не старше 3 месяцев)' },
    });
    assert.equal(response.status, 200);
    const declined = (await response.json()) as Application;
    assert.equal(declined.status, 'declined');
    assert.equal(declined.declineReason, 'Нужна свежая ЭХО КГ (не старше 3 месяцев)');
    const notifications = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { kind: string; data: { reason?: string } }[] };
    assert.equal(notifications.items[0]?.kind, 'application_declined');
    assert.match(notifications.items[0]?.data.reason ?? '', /ЭХО КГ/);
    const [sms] = await waitForSms(server, patient.user.phone);
    assert.match(sms ?? '', /отказом/);
    assert.doesNotMatch(sms ?? '', /ЭХО КГ/, 'the doctor\'s words stay in the cabinet, not with the SMS gateway');
    const declinedTwice = await server.request(`/api/v1/applications/${application.id}/decline`, { token: bakulevDoctor.token, json: { reason: 'x' } });
    assert.equal(declinedTwice.status, 409);
    assert.equal((await errorOf(declinedTwice)).details?.reason, 'already_reviewed');
    // A declined application frees its documents.
    const docs = (await (await server.request('/api/v1/documents', { token: patient.token })).json()) as { items: { inUse: boolean }[] };
    assert.ok(docs.items.every((doc) => !doc.inUse));
  });

  it('lets the patient withdraw a waiting application', async () => {
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const stranger = await registerPatient(server);
    assert.equal((await server.request(`/api/v1/applications/${application.id}/cancel`, { method: 'POST', token: stranger.token })).status, 404);
    const response = await server.request(`/api/v1/applications/${application.id}/cancel`, { method: 'POST', token: patient.token });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Application).status, 'cancelled');
    const withdrawnTwice = await server.request(`/api/v1/applications/${application.id}/cancel`, { method: 'POST', token: patient.token });
    assert.equal(withdrawnTwice.status, 409);
    assert.equal((await errorOf(withdrawnTwice)).details?.reason, 'already_reviewed');
  });
});

describe('program period', () => {
  it('refuses new applications outside OZ_PROGRAM_START..OZ_PROGRAM_END with a clear message', async () => {
    const server = await startTestServer({ OZ_PROGRAM_START: '2020-11-01', OZ_PROGRAM_END: '2021-10-31' });
    try {
      const patient = await registerPatient(server);
      const error = await applyToBakulev(server, patient.token).catch((e: Error) => e.message);
      assert.match(String(error), /409.*program_closed.*ended on 2021-10-31/);
    } finally {
      await server.close();
    }
  });
});

describe('notifications when the SMS gateway is down', () => {
  it('still schedules: the cabinet has the news, the request does not fail or wait', async () => {
    const gateway = await startFakeSmsGateway();
    const server = await startTestServer({ OZ_SMS_URL: gateway.url });
    try {
      const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
      const patient = await registerPatient(server, {}, async (phone) => gateway.received.filter((sms) => sms.body.to === phone).map((sms) => sms.body.text));
      gateway.failing = true;
      gateway.received.length = 0;
      const { application } = await applyToBakulev(server, patient.token);
      const response = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: doctor.token, json: { startsAt: inDays(4), durationMinutes: 30 } });
      assert.equal(response.status, 201);
      const notes = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { kind: string }[] };
      assert.equal(notes.items[0]?.kind, 'application_scheduled');
      for (let waited = 0; gateway.received.length === 0 && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(gateway.received.length, 1, 'the SMS was tried');
    } finally {
      await server.close();
      await gateway.close();
    }
  });
});
