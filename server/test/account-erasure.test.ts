import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FileStore } from '../src/ports/file-store.ts';
import { errorOf, outboxOf, registerPatient, requestSmsCode, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff, uploadOk } from './fixtures.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';

// «Удалить аккаунт» (152-FZ art. 14 and 9) on both stores: exactly the contacts, password, consent,
// sessions and unused documents go; the medical records and the audit trail stay.

const noServer = !(await reachableServer());

/** The FileStore behind the documents (a test looks at the files themselves). */
const filesOf = (server: TestServer) => (server.services.documents as unknown as { files: FileStore }).files;

/** Opens the patient's live notification stream and waits for it to say it is ready. */
async function openStream(server: TestServer, token: string) {
  const { ticket } = (await (await server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token })).json()) as { ticket: string };
  const reader = (await server.request(`/api/v1/notifications/stream?ticket=${ticket}`)).body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  while (!received.includes('event: ready')) received += decoder.decode((await reader.read()).value);
  return {
    /** Resolves when the server ends the stream. */
    ended: async () => {
      for (;;) if ((await reader.read()).done) return;
    },
  };
}

const erase = (server: TestServer, token: string | undefined, password: string) =>
  server.request('/api/v1/me', { method: 'DELETE', ...(token ? { token } : {}), json: { password } });

for (const adapter of ['lowdb', 'postgres'] as const) {
  const skip = adapter === 'postgres' && noServer ? 'no PostgreSQL server answers (set OZ_TEST_DATABASE_URL)' : false;

  describe(`«Удалить аккаунт»: DELETE /me on ${adapter}`, { skip }, () => {
    let server: TestServer;
    let database: { url: string; drop(): Promise<void> } | null = null;
    before(async () => {
      if (adapter === 'postgres') database = await freshDatabaseUrl();
      server = await startTestServer(database ? { DATABASE_URL: database.url } : {});
    });
    after(async () => {
      await server?.close();
      await database?.drop();
    });

    // A timeout: a stream that never ends (sessions not revoked) must fail the test, not hang it.
    it('erases contacts, password, consent, sessions and unused documents, and keeps the medical records', { timeout: 120_000 }, async () => {
      const { store } = server.services;
      const patient = await registerPatient(server, { fullName: 'Удалёнова Вера Павловна', birthDate: '1950-03-08', email: 'vera@example.ru' });
      const other = await registerPatient(server, { fullName: 'Соседова Нина Ивановна' });
      const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: 'Петров Алексей Иванович' });
      const manager = await signInStaff(server, { role: 'manager' });
      const phone = patient.user.phone; // normalised: +7XXXXXXXXXX

      // Medical records: an application with its documents, a consultation, a chat, a conclusion.
      const { application, documents: used } = await applyToBakulev(server, patient.token);
      const unused = await uploadOk(server, patient.token, 'other');
      const unusedKey = (await store.documents.findById(unused.id))!.storageKey;
      const usedKeys = await Promise.all(used.map(async (document) => (await store.documents.findById(document.id))!.storageKey));
      const consultation = (await (
        await server.request(`/api/v1/applications/${application.id}/schedule`, { token: doctor.token, json: { startsAt: inDays(1), durationMinutes: 30 } })
      ).json()) as { id: string };
      await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: 'Взять ли ЭКГ?' } });
      await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: doctor.token, json: { text: 'Да, возьмите.' } });
      await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: doctor.token, json: { text: 'Плановое лечение.', outcome: 'conclusion' } });
      await server.request(`/api/v1/documents/${used[0]!.id}/content`, { token: doctor.token });
      await requestSmsCode(server, phone, 'reset');
      // Another patient's things, which must stay as they are.
      const othersDocument = await uploadOk(server, other.token, 'ecg');
      const othersNotifications = (await store.notifications.pageByUser(other.user.id, { limit: 50 })).items.length;

      // Preconditions, so the checks below are not vacuous.
      assert.ok((await store.notifications.pageByUser(patient.user.id, { limit: 50 })).items.length > 0);
      assert.equal((await store.chatUnread.findByUser(patient.user.id, [consultation.id]))[0]?.count, 1);
      assert.ok(await store.presence.lastSeen(patient.user.id));
      assert.ok(await store.phoneCodes.findByIdForUpdate(`reset:${phone}`));
      const auditBefore = (await store.audit.pageByPatient(patient.user.id, { limit: 100 })).items.length;

      // A wrong password: 422 on the field, and nothing changes.
      const wrong = await erase(server, patient.token, 'not my password');
      assert.equal(wrong.status, 422);
      assert.deepEqual((await errorOf(wrong)).details?.fields?.map((f) => [f.field, f.code]), [['password', 'invalid']]);
      assert.equal((await store.users.findById(patient.user.id))!.erasedAt ?? null, null);
      assert.equal((await store.documents.listByOwner(patient.user.id)).length, 4);
      assert.equal((await server.request('/api/v1/me', { token: patient.token })).status, 200);
      // Only a patient erases, and only their own account.
      assert.equal((await erase(server, doctor.token, 'staff password')).status, 403);
      assert.equal((await erase(server, undefined, patient.password)).status, 401);

      const stream = await openStream(server, patient.token);
      const erased = await erase(server, patient.token, patient.password);
      assert.equal(erased.status, 204, await erased.text());
      await stream.ended(); // the live stream closed with the session
      assert.equal(await store.phoneCodes.findByIdForUpdate(`reset:${phone}`), undefined);

      // Signed out everywhere; not found by the phone for a sign-in or a reset.
      assert.equal((await server.request('/api/v1/me', { token: patient.token })).status, 401);
      const signIn = await server.request('/api/v1/auth/login', { json: { phone, password: patient.password } });
      assert.equal((await errorOf(signIn)).code, 'invalid_credentials');
      const smsBefore = (await outboxOf(server)(phone)).length;
      assert.equal((await server.request('/api/v1/auth/phone-code', { json: { phone, purpose: 'reset' } })).status, 202);
      assert.equal((await outboxOf(server)(phone)).length, smsBefore, 'no reset SMS goes to an erased account');

      // Deleted: contacts, password, consent, notifications, unread markers, codes, presence, the unused document and its file.
      const record = (await store.users.findById(patient.user.id))!;
      assert.notEqual(record.phone, phone);
      assert.doesNotMatch(record.phone, /\d{10}/);
      assert.equal(record.email, null);
      assert.equal(record.consent, null);
      assert.ok(record.erasedAt);
      assert.doesNotMatch(record.passwordHash, /^scrypt\$/);
      assert.equal(await store.users.findByPhone(phone), undefined);
      assert.deepEqual((await store.notifications.pageByUser(patient.user.id, { limit: 50 })).items, []);
      assert.deepEqual(await store.chatUnread.findByUser(patient.user.id, [consultation.id]), []);
      assert.equal(await store.presence.lastSeen(patient.user.id), undefined);
      assert.equal(await store.documents.findById(unused.id), undefined);
      await assert.rejects(filesOf(server).get(unusedKey));

      // Kept: name and birth date, the application with its documents and files, the consultation, chat, conclusion, audit trail.
      assert.equal(record.fullName, 'Удалёнова Вера Павловна');
      assert.equal(record.birthDate, '1950-03-08');
      assert.deepEqual((await store.documents.listByOwner(patient.user.id)).map((d) => d.id).sort(), used.map((d) => d.id).sort());
      for (const key of usedKeys) assert.ok((await filesOf(server).get(key)).length > 0);
      assert.equal((await store.applications.findById(application.id))?.documentIds.length, 3);
      assert.equal((await store.consultations.findById(consultation.id))?.status, 'completed');
      assert.equal((await store.conclusions.findByConsultation(consultation.id))?.text, 'Плановое лечение.');
      assert.equal((await store.messages.pageByConsultation(consultation.id, { limit: 10 })).items.length, 2);
      const trail = (await store.audit.pageByPatient(patient.user.id, { limit: 100 })).items;
      assert.equal(trail.length, auditBefore + 1);
      assert.deepEqual(
        trail.filter((e) => e.subjectType === 'patient_account').map((e) => [e.actorId, e.action, e.status]),
        [[patient.user.id, 'status_changed', 'erased']],
      );

      // The doctor still sees whose records they are, without a phone; the doctor's chat stays and tells no one.
      const seen = (await (await server.request(`/api/v1/applications/${application.id}`, { token: doctor.token })).json()) as { patient: { fullName: string; phone: string } };
      assert.equal(seen.patient.fullName, 'Удалёнова Вера Павловна');
      assert.equal(seen.patient.phone, '');
      const doctorsView = (await (await server.request(`/api/v1/consultations/${consultation.id}`, { token: doctor.token })).json()) as { patientName: string };
      assert.equal(doctorsView.patientName, 'Удалёнова Вера Павловна');
      assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: doctor.token, json: { text: 'Как вы?' } })).status, 201);
      assert.deepEqual((await store.notifications.pageByUser(patient.user.id, { limit: 50 })).items, []);
      // The manager reads the trail by the old id; the erasure is in it.
      const managers = (await (await server.request(`/api/v1/audit?patientId=${patient.user.id}`, { token: manager.token })).json()) as {
        patient: { phone: string };
        items: { subjectType: string; status: string | null }[];
      };
      assert.equal(managers.patient.phone, '');
      assert.ok(managers.items.some((e) => e.subjectType === 'patient_account' && e.status === 'erased'));

      // Another patient: untouched.
      assert.equal((await server.request('/api/v1/me', { token: other.token })).status, 200);
      assert.deepEqual((await store.documents.listByOwner(other.user.id)).map((d) => d.id), [othersDocument.id]);
      assert.equal((await store.notifications.pageByUser(other.user.id, { limit: 50 })).items.length, othersNotifications);

      // The same phone registers anew: a fresh account that sees none of the old one.
      const again = await registerPatient(server, { phone, fullName: 'Удалёнова Вера Павловна' });
      assert.notEqual(again.user.id, patient.user.id);
      const documents = (await (await server.request('/api/v1/documents', { token: again.token })).json()) as { items: unknown[] };
      assert.deepEqual(documents.items, []);
      const applications = (await (await server.request('/api/v1/applications', { token: again.token })).json()) as { items: unknown[] };
      assert.deepEqual(applications.items, []);
      const consultations = (await (await server.request('/api/v1/consultations', { token: again.token })).json()) as { items: unknown[] };
      assert.deepEqual(consultations.items, []);
      // A second erasure of the old account is impossible: its token is gone.
      assert.equal((await erase(server, patient.token, patient.password)).status, 401);
    });

    it('cancels what was still ahead: the upcoming consultation (the doctor is told) and the waiting application', async () => {
      const { store } = server.services;
      const patient = await registerPatient(server, { fullName: 'Уходящева Анна Петровна' });
      const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
      const first = await applyToBakulev(server, patient.token);
      const scheduled = await server.request(`/api/v1/applications/${first.application.id}/schedule`, { token: doctor.token, json: { startsAt: inDays(3), durationMinutes: 30 } });
      const consultation = (await scheduled.json()) as { id: string; status: string };
      assert.equal(consultation.status, 'scheduled');
      const waiting = (await applyToBakulev(server, patient.token)).application;
      assert.equal(waiting.status, 'submitted');
      const doctorsNoticesBefore = (await store.notifications.pageByUser(doctor.user.id, { limit: 50 })).items.length;

      assert.equal((await erase(server, patient.token, patient.password)).status, 204);
      const cancelled = await store.consultations.findById(consultation.id);
      assert.deepEqual([cancelled?.status, cancelled?.cancelledBy], ['cancelled', 'patient']);
      assert.equal((await store.applications.findById(waiting.id))?.status, 'cancelled');
      const doctorsNotices = (await store.notifications.pageByUser(doctor.user.id, { limit: 50 })).items;
      assert.ok(doctorsNotices.length > doctorsNoticesBefore, 'the doctor is told the consultation will not take place');
      assert.ok((await store.users.findById(patient.user.id))?.erasedAt);
    });
  });
}

describe('«Удалить аккаунт»: wrong passwords are limited like sign-in', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(() => server.close());

  it('answers 429 after too many tries, and still keeps the account', async () => {
    // registerPatient counts against the same client limit: a fresh server, few requests.
    const patient = await registerPatient(server);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await erase(server, patient.token, `wrong ${i}`)).status);
    assert.ok(statuses.includes(429), statuses.join(','));
    assert.ok(statuses.every((status) => status === 422 || status === 429), statuses.join(','));
    assert.equal((await server.request('/api/v1/me', { token: patient.token })).status, 200);
  });
});
