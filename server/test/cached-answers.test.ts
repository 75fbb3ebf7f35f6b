import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { signInStaff } from './fixtures.ts';
import { freshDatabaseUrl } from './store/test-databases.ts';
import { ReadVersions } from '../src/services/read-versions.ts';
import { AnswerCache, ANSWER_MAX_AGE_MS } from '../src/services/answer-cache.ts';

/**
 * The free duty slots and a person's consultations are answered from kept bytes (services/
 * answer-cache.ts): every write that changes them must show in the very next answer, a token is
 * checked before any kept answer, and no one gets another person's answer.
 */
type Slot = { id: string; startsAt: string; doctorName: string };
type Consultation = { id: string; status: string; patientName: string; unreadMessages: number };
const HOUR = 3600_000;

let hours = 0;
/** A fresh hour some days ahead for each test's slots. */
function nextPeriod() {
  hours += 2;
  const start = new Date(Date.now() + 5 * 24 * HOUR + hours * HOUR);
  start.setUTCMinutes(0, 0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() };
}

async function publish(server: TestServer, token: string, period = nextPeriod()): Promise<Slot[]> {
  const response = await server.request('/api/v1/duty/slots', { token, json: { ...period, durationMinutes: 20 } });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { items: Slot[] }).items;
}

const slotsFrom = (from: string) => `/api/v1/duty/slots?centerId=bakulev&from=${encodeURIComponent(from)}`;

async function freeSlots(server: TestServer, path: string): Promise<Slot[]> {
  const response = await server.request(path);
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: Slot[] }).items;
}

async function consultations(server: TestServer, token: string): Promise<Consultation[]> {
  const response = await server.request('/api/v1/consultations', { token });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { items: Consultation[] }).items;
}

async function book(server: TestServer, token: string, slotId: string): Promise<Consultation> {
  const response = await server.request(`/api/v1/duty/slots/${slotId}/book`, { token, method: 'POST' });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as Consultation;
}

describe('kept answers', () => {
  let server: TestServer;
  let duty: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer();
    duty = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true, fullName: 'Дежурнов Д. Д.' });
  });
  after(() => server.close());

  it('are kept: the same request twice gets the same bytes from the cache', async () => {
    const [slot] = await publish(server, duty.token);
    const path = slotsFrom(slot!.startsAt);
    const first = await (await server.request(path)).text();
    assert.ok(server.services.answers.get(` ${path}`), 'the answer is kept under its request target');
    assert.equal(await (await server.request(path)).text(), first);
  });

  it('drop a booked slot from the next list of free slots, and bring it back when the booking is cancelled', async () => {
    const [slot, second] = await publish(server, duty.token);
    const path = slotsFrom(slot!.startsAt);
    assert.deepEqual((await freeSlots(server, path)).slice(0, 2).map((s) => s.id), [slot!.id, second!.id]);
    const patient = await registerPatient(server);
    const booked = await book(server, patient.token, slot!.id);
    assert.equal((await freeSlots(server, path))[0]?.id, second!.id, 'the booked slot is gone at once');
    const cancelled = await server.request(`/api/v1/consultations/${booked.id}/cancel`, { token: patient.token, method: 'POST' });
    assert.equal(cancelled.status, 200);
    assert.equal((await freeSlots(server, path))[0]?.id, slot!.id, 'the cancelled booking frees the slot at once');
  });

  it('drop a slot when it starts, and show a doctor\'s new name at once', async () => {
    const [slot, second] = await publish(server, duty.token);
    const path = slotsFrom(slot!.startsAt);
    assert.equal((await freeSlots(server, path))[0]?.id, slot!.id);
    await server.services.store.users.update(duty.user.id, { fullName: 'Дежурнова Д. Д.' });
    assert.equal((await freeSlots(server, path))[0]?.doctorName, 'Дежурнова Д. Д.');
    const untilItStarts = Date.parse(slot!.startsAt) - Date.now() + 1;
    server.advance(untilItStarts);
    try {
      assert.equal((await freeSlots(server, path))[0]?.id, second!.id, 'a started slot is no longer free');
    } finally {
      server.advance(-untilItStarts);
    }
  });

  it('show a cancelled consultation and a new chat message to its patient at once', async () => {
    const [slot] = await publish(server, duty.token);
    const patient = await registerPatient(server);
    const booked = await book(server, patient.token, slot!.id);
    assert.deepEqual((await consultations(server, patient.token)).map((c) => [c.id, c.status, c.unreadMessages]), [[booked.id, 'scheduled', 0]]);
    const message = await server.request(`/api/v1/consultations/${booked.id}/messages`, { token: duty.token, json: { text: 'Здравствуйте' } });
    assert.equal(message.status, 201);
    assert.equal((await consultations(server, patient.token))[0]?.unreadMessages, 1);
    const cancelled = await server.request(`/api/v1/consultations/${booked.id}/cancel`, { token: duty.token, method: 'POST' });
    assert.equal(cancelled.status, 200);
    assert.equal((await consultations(server, patient.token))[0]?.status, 'cancelled');
  });

  it('never give one person\'s consultations to another asking the same thing', async () => {
    const [slot] = await publish(server, duty.token);
    const first = await registerPatient(server, { fullName: 'Первая Анна Ивановна' });
    const second = await registerPatient(server, { fullName: 'Вторая Ольга Петровна' });
    const booked = await book(server, first.token, slot!.id);
    assert.deepEqual((await consultations(server, first.token)).map((c) => c.id), [booked.id]);
    assert.deepEqual(await consultations(server, second.token), [], 'the other patient\'s own (empty) list');
    const text = await (await server.request('/api/v1/consultations', { token: second.token })).text();
    assert.ok(!text.includes('Первая'), 'nothing of the first patient');
  });

  it('are not given for a token signed out since, nor without a token', async () => {
    const patient = await registerPatient(server);
    assert.deepEqual(await consultations(server, patient.token), []);
    assert.equal((await server.request('/api/v1/consultations', { token: patient.token })).status, 200);
    const out = await server.request('/api/v1/auth/logout', { token: patient.token, method: 'POST' });
    assert.equal(out.status, 204);
    assert.equal((await server.request('/api/v1/consultations', { token: patient.token })).status, 401);
    assert.equal((await server.request('/api/v1/consultations')).status, 401);
  });
});

describe('the versions behind kept answers', () => {
  it('refuse an answer read before a change that committed while it was made', () => {
    const versions = new ReadVersions();
    const cache = new AnswerCache(versions);
    const pending = cache.pending('k', ['slots']);
    versions.changed(['slots']);
    cache.put(pending, Buffer.from('old'));
    assert.equal(cache.get('k'), undefined);
    const again = cache.pending('k', ['slots']);
    cache.put(again, Buffer.from('new'));
    assert.equal(cache.get('k')?.toString(), 'new');
    versions.changed(['user:someone-else']);
    assert.equal(cache.get('k')?.toString(), 'new', 'another topic changes nothing');
  });

  it('keep nothing while deaf to other instances, and nothing from before', () => {
    const versions = new ReadVersions();
    const cache = new AnswerCache(versions);
    cache.put(cache.pending('k', ['slots']), Buffer.from('before'));
    versions.deaf();
    assert.equal(cache.get('k'), undefined);
    cache.put(cache.pending('k', ['slots']), Buffer.from('deaf'));
    assert.equal(cache.get('k'), undefined);
    versions.hearingAgain();
    assert.equal(cache.get('k'), undefined);
  });

  it('expire at their time, and at most after the maximum age', () => {
    let now = Date.parse('2026-12-05T12:00:00Z');
    const cache = new AnswerCache(new ReadVersions(), () => new Date(now));
    cache.put(cache.pending('soon', []), Buffer.from('x'), now + 1_000);
    cache.put(cache.pending('never', []), Buffer.from('y'));
    now += 1_000;
    assert.equal(cache.get('soon'), undefined);
    assert.ok(cache.get('never'));
    now += ANSWER_MAX_AGE_MS;
    assert.equal(cache.get('never'), undefined);
  });
});

const database = await freshDatabaseUrl();
after(() => database?.drop());

describe('kept answers on two instances of one PostgreSQL', { skip: database ? false : 'no PostgreSQL server answers (set OZ_TEST_DATABASE_URL)' }, () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    [a, b] = await Promise.all([startTestServer({ DATABASE_URL: database!.url }), startTestServer({ DATABASE_URL: database!.url })]);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  /** Until the list on `server` satisfies `done`; the notice between instances takes moments, never the maximum age. */
  async function eventually(read: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 3_000;
    while (!(await read())) {
      if (Date.now() > deadline) assert.fail(`${what} within 3 s (answers may be kept ${ANSWER_MAX_AGE_MS / 1000} s)`);
      await sleep(20);
    }
  }

  it('drop a slot booked through the other instance from the list kept here', async () => {
    const duty = await signInStaff(a, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true });
    const [slot, second] = await publish(a, duty.token);
    const path = slotsFrom(slot!.startsAt);
    // b hears the others once its LISTEN connection is up; until then it keeps nothing.
    await eventually(async () => {
      await freeSlots(b, path);
      return b.services.answers.get(` ${path}`) !== undefined;
    }, 'b keeps its answer');
    assert.equal((await freeSlots(b, path))[0]?.id, slot!.id);
    const patient = await registerPatient(a);
    await book(a, patient.token, slot!.id);
    await eventually(async () => (await freeSlots(b, path))[0]?.id === second!.id, 'the booked slot leaves b\'s list');
  });

  it('show a consultation cancelled through the other instance', async () => {
    const duty = await signInStaff(a, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true });
    const [slot] = await publish(a, duty.token);
    const patient = await registerPatient(a);
    const booked = await book(a, patient.token, slot!.id);
    await eventually(async () => (await consultations(b, patient.token))[0]?.status === 'scheduled', 'b lists the booking');
    const cancelled = await a.request(`/api/v1/consultations/${booked.id}/cancel`, { token: patient.token, method: 'POST' });
    assert.equal(cancelled.status, 200);
    await eventually(async () => (await consultations(b, patient.token))[0]?.status === 'cancelled', 'b shows the cancellation');
  });
});
