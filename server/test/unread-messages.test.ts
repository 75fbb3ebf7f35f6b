import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Consultation, Notification, NotificationList } from '@oz/contracts';
import { registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff } from './fixtures.ts';
import { outbox } from './sms-outbox.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';

const MINUTE = 60_000;
const noServer = !(await reachableServer());

let hoursTaken = 0;

/** A patient with a consultation scheduled by the doctor. */
async function scheduled(server: TestServer, doctorToken: string) {
  hoursTaken += 1;
  const patient = await registerPatient(server);
  const { application } = await applyToBakulev(server, patient.token);
  const response = await server.request(`/api/v1/applications/${application.id}/schedule`, {
    token: doctorToken,
    json: { startsAt: inDays(2 + hoursTaken / 24), durationMinutes: 20 },
  });
  assert.equal(response.status, 201);
  return { patient, consultation: (await response.json()) as Consultation };
}

const say = (server: TestServer, token: string, id: string, text: string) =>
  server.request(`/api/v1/consultations/${id}/messages`, { token, json: { text } }).then((response) => assert.equal(response.status, 201));

async function consultationOf(server: TestServer, token: string, id: string): Promise<Consultation> {
  const list = (await (await server.request('/api/v1/consultations', { token })).json()) as { items: Consultation[] };
  const one = (await (await server.request(`/api/v1/consultations/${id}`, { token })).json()) as Consultation;
  const listed = list.items.find((item) => item.id === id);
  assert.equal(listed?.unreadMessages, one.unreadMessages, 'the list and the single read agree');
  return one;
}

async function messageEntries(server: TestServer, token: string, id: string): Promise<{ entries: Notification[]; unread: number }> {
  const list = (await (await server.request('/api/v1/notifications', { token })).json()) as NotificationList;
  return { entries: list.items.filter((n) => n.kind === 'message_received' && n.data.consultationId === id), unread: list.unread };
}

/** The chat's SMS so far to `phone` (chat SMS go out in the background: give them a moment). */
async function chatSms(server: TestServer, phone: string): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 60));
  return (await outbox(server)).filter((sms) => sms.to === phone && sms.text.includes('новое сообщение')).map((sms) => sms.text);
}

function describeUnread(name: string, start: () => Promise<TestServer | null>, skip: string | false = false) {
  describe(`unread chat messages: ${name}`, { skip }, () => {
    let server: TestServer;
    let doctor: Awaited<ReturnType<typeof signInStaff>>;
    before(async () => {
      server = (await start())!;
      doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: 'Петров А. И.' });
    });
    after(() => server?.close());

    it('counts unread messages per reader, makes one bell entry per consultation, and both clear when the chat is read', async () => {
      const { patient, consultation } = await scheduled(server, doctor.token);
      assert.equal((await consultationOf(server, patient.token, consultation.id)).unreadMessages, 0);

      await say(server, doctor.token, consultation.id, 'Здравствуйте! Пришлите, пожалуйста, ЭКГ.');
      await say(server, doctor.token, consultation.id, 'И выписку из больницы.');
      assert.equal((await consultationOf(server, patient.token, consultation.id)).unreadMessages, 2);
      // The writer's own messages are never unread for them.
      assert.equal((await consultationOf(server, doctor.token, consultation.id)).unreadMessages, 0);

      const before = await messageEntries(server, patient.token, consultation.id);
      assert.equal(before.entries.length, 1, 'one entry for the consultation, however many messages');
      assert.equal(before.entries[0]?.readAt, null);
      assert.equal(before.entries[0]?.data.messages, 2);
      assert.equal(before.entries[0]?.data.startsAt, consultation.startsAt);
      assert.match(before.entries[0]?.text ?? '', /новые сообщения \(2\) от врача по консультации \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} мск/);

      // Reading: only a participant; anyone else is told the consultation does not exist.
      const stranger = await registerPatient(server);
      assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/messages/read`, { method: 'POST', token: stranger.token })).status, 404);
      assert.equal((await server.request(`/api/v1/consultations/${consultation.id}/messages/read`, { method: 'POST' })).status, 401);
      const read = await server.request(`/api/v1/consultations/${consultation.id}/messages/read`, { method: 'POST', token: patient.token });
      assert.equal(read.status, 204);
      assert.equal((await consultationOf(server, patient.token, consultation.id)).unreadMessages, 0);
      const after = await messageEntries(server, patient.token, consultation.id);
      assert.equal(after.entries.length, 1);
      assert.notEqual(after.entries[0]?.readAt, null);
      assert.equal(after.unread, before.unread - 1);

      // A message after reading: a new unread entry (the read one stays in the history).
      await say(server, doctor.token, consultation.id, 'Спасибо, получил.');
      const again = await messageEntries(server, patient.token, consultation.id);
      assert.equal(again.entries.length, 2);
      assert.equal(again.entries.filter((entry) => entry.readAt === null).length, 1);
      assert.equal(again.entries[0]?.data.messages, 1);
      assert.match(again.entries[0]?.text ?? '', /новое сообщение от врача/);

      // The other way round: the doctor's side counts the patient's message.
      await say(server, patient.token, consultation.id, 'Отправила.');
      assert.equal((await consultationOf(server, doctor.token, consultation.id)).unreadMessages, 1);
      const doctorEntries = await messageEntries(server, doctor.token, consultation.id);
      assert.equal(doctorEntries.entries.length, 1);
      assert.match(doctorEntries.entries[0]?.text ?? '', /от пациента/);
    });

    it('sends an SMS without the text when the reader has been away 10 minutes, at most one an hour per consultation', async () => {
      const { patient, consultation } = await scheduled(server, doctor.token);
      // The patient was just here (registered, applied): online, so no SMS yet.
      await say(server, doctor.token, consultation.id, 'Секретный диагноз в тексте');
      assert.deepEqual(await chatSms(server, patient.user.phone), []);
      assert.equal(await server.services.chatSms.sweep(), 0);

      server.advance(9 * MINUTE);
      await server.services.chatSms.sweep();
      assert.deepEqual(await chatSms(server, patient.user.phone), [], 'nine minutes away is not yet ten');

      server.advance(2 * MINUTE);
      await signInStaff(server, { role: 'doctor', centerId: 'bakulev' }); // the doctor's own activity changes nothing for the patient
      await server.services.chatSms.sweep();
      const [sms, ...more] = await chatSms(server, patient.user.phone);
      assert.equal(more.length, 0);
      assert.match(sms ?? '', /^Облако здоровья: новое сообщение от врача по консультации \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} мск\. Откройте личный кабинет: http/);
      assert.doesNotMatch(sms ?? '', /Секретный/);

      // Another sweep, and another message within the hour: no second SMS.
      await server.services.chatSms.sweep();
      server.advance(20 * MINUTE);
      await say(server, doctor.token, consultation.id, 'Жду ответа');
      await server.services.chatSms.sweep();
      assert.equal((await chatSms(server, patient.user.phone)).length, 1, 'one an hour');

      // An hour after the first, the still-unread later message is told once more, by the sweep.
      server.advance(41 * MINUTE);
      assert.equal(await server.services.chatSms.sweep(), 1);
      assert.equal((await chatSms(server, patient.user.phone)).length, 2);
      // Told already: nothing new, nothing more, however long it stays unread.
      server.advance(2 * 60 * MINUTE);
      assert.equal(await server.services.chatSms.sweep(), 0);
    });

    it('sends at once when the reader has been away long, never while they are online or after they read', async () => {
      const { patient, consultation } = await scheduled(server, doctor.token);
      server.advance(30 * MINUTE);
      await say(server, doctor.token, consultation.id, 'Добрый день');
      assert.equal((await chatSms(server, patient.user.phone)).length, 1, 'away half an hour: the SMS goes with the message');

      const second = await scheduled(server, doctor.token);
      await say(server, doctor.token, second.consultation.id, 'Добрый день');
      // Back in the cabinet within the ten minutes, the chat read: nothing to tell.
      server.advance(5 * MINUTE);
      assert.equal((await server.request(`/api/v1/consultations/${second.consultation.id}/messages/read`, { method: 'POST', token: second.patient.token })).status, 204);
      server.advance(30 * MINUTE);
      assert.equal(await server.services.chatSms.sweep(), 0);
      assert.deepEqual(await chatSms(server, second.patient.user.phone), []);
    });

    it('an open notification stream counts as online', async () => {
      const { patient, consultation } = await scheduled(server, doctor.token);
      server.advance(30 * MINUTE);
      // What the stream loop does on every heartbeat while it is open.
      await server.services.presence.seen(patient.user.id);
      await say(server, doctor.token, consultation.id, 'Вы на связи?');
      assert.deepEqual(await chatSms(server, patient.user.phone), []);
    });

    it('puts «application submitted» in the applicant\'s bell', async () => {
      const patient = await registerPatient(server);
      const { application } = await applyToBakulev(server, patient.token);
      const list = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as NotificationList;
      assert.equal(list.unread, 1);
      assert.equal(list.items[0]?.kind, 'application_submitted');
      assert.equal(list.items[0]?.data.applicationId, application.id);
      assert.equal((await outbox(server)).filter((sms) => sms.to === patient.user.phone && /заявка/i.test(sms.text)).length, 0, 'no SMS: they are on the page');
    });
  });
}

describeUnread('lowdb', () => startTestServer());

describe('unread chat messages: two API instances on one PostgreSQL', { skip: noServer ? 'no PostgreSQL server answers' : false }, () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let one: TestServer;
  let two: TestServer;
  before(async () => {
    database = await freshDatabaseUrl();
    one = await startTestServer({ DATABASE_URL: database!.url });
    two = await startTestServer({ DATABASE_URL: database!.url });
  });
  after(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('keeps the count, the one entry, last-seen and the one SMS in the database', async () => {
    const doctor = await signInStaff(one, { role: 'doctor', centerId: 'bakulev' });
    const { patient, consultation } = await scheduled(one, doctor.token);
    // Messages at the same moment through both instances: still one entry, counting both.
    await Promise.all([say(one, doctor.token, consultation.id, 'Первое'), say(two, doctor.token, consultation.id, 'Второе')]);
    assert.equal((await consultationOf(two, patient.token, consultation.id)).unreadMessages, 2);
    const entries = await messageEntries(one, patient.token, consultation.id);
    assert.equal(entries.entries.length, 1);
    assert.equal(entries.entries[0]?.data.messages, 2);

    // The patient was seen through instance one; instance two knows it (no SMS), and after ten
    // minutes away both sweep at once: one SMS between them.
    two.advance(5 * MINUTE);
    one.advance(5 * MINUTE);
    assert.equal(await two.services.chatSms.sweep(), 0);
    two.advance(6 * MINUTE);
    one.advance(6 * MINUTE);
    const sent = await Promise.all([one.services.chatSms.sweep(), two.services.chatSms.sweep()]);
    assert.equal(sent[0] + sent[1], 1);

    assert.equal((await two.request(`/api/v1/consultations/${consultation.id}/messages/read`, { method: 'POST', token: patient.token })).status, 204);
    assert.equal((await consultationOf(one, patient.token, consultation.id)).unreadMessages, 0);
    assert.equal((await messageEntries(one, patient.token, consultation.id)).entries[0]?.readAt !== null, true);
  });
});
