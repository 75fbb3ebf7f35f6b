import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerType } from '@hono/node-server';
import { openSignalSocket } from './signal-client.ts';
import pg from 'pg';
import { normalized, registerPatient, listenOnNode, startTestServer, uniquePhone, type TestServer } from './helpers.ts';
import { applyToBakulev, signInStaff } from './fixtures.ts';
import { HEADER, csv, importFile } from './referral-tables.ts';
import { outbox } from './sms-outbox.ts';
import { freshDatabaseUrl } from './store/test-databases.ts';
import { SESSION_MAX_AGE_MS } from '../src/services/session-cache.ts';

/**
 * Two API instances in one process on ONE PostgreSQL database, as behind nginx: whatever one
 * instance starts, the other must see through the database (tables and LISTEN/NOTIFY).
 */
const database = await freshDatabaseUrl();
const skip = database ? false : 'no PostgreSQL server answers (set OZ_TEST_DATABASE_URL): several instances need a real PostgreSQL server';
after(() => database?.drop());

interface Instance {
  server: TestServer;
  http: ServerType;
  /** ws://127.0.0.1:port of this instance. */
  wsOrigin: string;
}

async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  const server = await startTestServer({ DATABASE_URL: database!.url, ...env });
  const { http, port } = await listenOnNode(server);
  return { server, http, wsOrigin: `ws://127.0.0.1:${port}` };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  // The ports close first: they end the live sockets that would hold the HTTP server open.
  await instance.server.close();
  await new Promise((resolve) => instance.http.close(resolve));
}

/** Reads an SSE response until its text matches. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    text: () => text,
    async until(pattern: RegExp, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(1, deadline - Date.now())))]);
        if (!chunk) throw new Error(`no ${pattern} in the stream: ${text}`);
        if (chunk.done) throw new Error(`the stream ended: ${text}`);
        text += decoder.decode(chunk.value);
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** A consultation of a new patient (registered on `a`) with a new doctor, scheduled through `b`, starting in 5 minutes. */
async function consultation(a: TestServer, b: TestServer) {
  const doctor = await signInStaff(b, { role: 'doctor', centerId: 'bakulev' });
  const patient = await registerPatient(a);
  const { application } = await applyToBakulev(a, patient.token);
  const response = await b.request(`/api/v1/applications/${application.id}/schedule`, {
    token: doctor.token,
    json: { startsAt: new Date(Date.now() + 5 * 60_000).toISOString(), durationMinutes: 30 },
  });
  assert.equal(response.status, 201);
  return { doctor, patient, application, consultation: (await response.json()) as { id: string } };
}

describe('several API instances on one database', { skip }, () => {
  let a: Instance;
  let b: Instance;
  before(async () => {
    a = await startInstance();
    b = await startInstance();
  });
  after(async () => {
    await stopInstance(a);
    await stopInstance(b);
  });

  describe('live notifications and chat', () => {
    it('reach a stream on instance A (its ticket issued on B) when B causes them, in order', async () => {
      const doctor = await signInStaff(b.server, { role: 'doctor', centerId: 'bakulev' });
      const patient = await registerPatient(a.server);
      const { application } = await applyToBakulev(a.server, patient.token);
      const ticket = await b.server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: patient.token });
      assert.equal(ticket.status, 201);
      const stream = await a.server.request(`/api/v1/notifications/stream?ticket=${((await ticket.json()) as { ticket: string }).ticket}`);
      assert.equal(stream.status, 200);
      const sse = sseReader(stream);
      try {
        await sse.until(/event: ready/);
        const scheduled = await b.server.request(`/api/v1/applications/${application.id}/schedule`, {
          token: doctor.token,
          json: { startsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 30 },
        });
        assert.equal(scheduled.status, 201);
        const { id: consultationId } = (await scheduled.json()) as { id: string };
        await sse.until(/event: notification\ndata: .*application_scheduled/);

        for (const text of ['Первое', 'Второе', 'Третье']) {
          const posted = await b.server.request(`/api/v1/consultations/${consultationId}/messages`, { token: doctor.token, json: { text } });
          assert.equal(posted.status, 201);
        }
        await sse.until(/Третье/);
        const order = ['Первое', 'Второе', 'Третье'].map((text) => sse.text().indexOf(`"text":"${text}"`));
        assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), `in order: ${order.join(', ')}`);
        assert.match(sse.text(), /event: message\ndata: \{[^\n]*"authorRole":"doctor"/);
      } finally {
        await sse.cancel();
      }
    });

    it('ends a stream when its instance loses the LISTEN connection, and streams opened after it hear events again', async () => {
      const doctor = await signInStaff(b.server, { role: 'doctor', centerId: 'bakulev' });
      const patient = await registerPatient(a.server);
      const { application } = await applyToBakulev(a.server, patient.token);
      const openStream = async () => {
        const { ticket } = (await (await a.server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: patient.token })).json()) as { ticket: string };
        const sse = sseReader(await a.server.request(`/api/v1/notifications/stream?ticket=${ticket}`));
        await sse.until(/event: ready/);
        return sse;
      };
      const broken = await openStream();
      // What a database restart does to every instance's LISTEN connection.
      const admin = new pg.Client({ connectionString: database!.url });
      await admin.connect();
      try {
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'oblako-zdorovya-listen'");
      } finally {
        await admin.end();
      }
      // Events may have been missed: the stream ends, so the browser resumes with a new ticket and reloads.
      await assert.rejects(broken.until(/never/), /the stream ended/);

      const resumed = await openStream();
      try {
        await b.server.request(`/api/v1/applications/${application.id}/decline`, { token: doctor.token, json: { reason: 'Нужна свежая ЭХО КГ' } });
        await resumed.until(/event: notification\ndata: .*application_declined/);
      } finally {
        await resumed.cancel();
      }
    });

    it('uses a stream ticket once, even when both instances redeem it at the same moment', async () => {
      const patient = await registerPatient(a.server);
      const issue = async () =>
        ((await (await a.server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token: patient.token })).json()) as { ticket: string }).ticket;

      const ticket = await issue();
      const first = await b.server.request(`/api/v1/notifications/stream?ticket=${ticket}`);
      assert.equal(first.status, 200);
      await first.body!.cancel();
      assert.equal((await a.server.request(`/api/v1/notifications/stream?ticket=${ticket}`)).status, 401, 'used on B, refused on A');

      const racing = await issue();
      const answers = await Promise.all([a, b].map((instance) => instance.server.request(`/api/v1/notifications/stream?ticket=${racing}`)));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 401]);
      await Promise.all(answers.map((answer) => answer.body?.cancel()));
    });
  });

  describe('sessions taken from memory (services/session-cache.ts)', () => {
    /** Asks `instance` until it answers `status`; how long that took, in ms. */
    async function untilStatus(instance: Instance, token: string, status: number): Promise<number> {
      const started = Date.now();
      for (;;) {
        const response = await instance.server.request('/api/v1/me', { token });
        if (response.status === status) return Date.now() - started;
        assert.ok(Date.now() - started < 3000, `still ${response.status}, not ${status}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    it('end on every instance as soon as they end on one, well before their few seconds of trust', async () => {
      const patient = await registerPatient(a.server);
      for (const instance of [a, b, b]) assert.equal((await instance.server.request('/api/v1/me', { token: patient.token })).status, 200);
      assert.equal((await a.server.request('/api/v1/auth/logout', { method: 'POST', token: patient.token })).status, 204);
      assert.ok((await untilStatus(b, patient.token, 401)) < SESSION_MAX_AGE_MS / 2, 'heard from A, not timed out');

      const manager = await signInStaff(a.server, { role: 'manager' });
      const doctor = await signInStaff(a.server, { role: 'doctor', centerId: 'bakulev' });
      for (const instance of [b, b]) assert.equal((await instance.server.request('/api/v1/me', { token: doctor.token })).status, 200);
      assert.equal((await a.server.request(`/api/v1/staff/${doctor.user.id}/disable`, { method: 'POST', token: manager.token })).status, 200);
      assert.ok((await untilStatus(b, doctor.token, 401)) < SESSION_MAX_AGE_MS / 2, 'a disabled account, heard from A');
    });
  });

  describe('the credentials SMS', () => {
    it('goes out once a minute per phone, whichever instance the manager\'s requests reach', async () => {
      const manager = await signInStaff(a.server, { role: 'manager' });
      const phone = normalized(uniquePhone());
      const imported = await importFile(a.server, manager.token, csv([HEADER, ['Зайцева Ольга Ивановна', '01.01.1950', phone, 'ИБС', 'Бакулева', '', '']]), 't.csv');
      assert.equal(imported.status, 200);
      const sentTo = async () => (await Promise.all([a, b].map((instance) => outbox(instance.server)))).flat().filter((sms) => sms.to === phone).length;
      assert.equal(await sentTo(), 1, 'the import\'s SMS');

      // A double click whose two requests land on the two instances.
      const resend = (instance: Instance) => instance.server.request('/api/v1/referrals/credentials', { token: manager.token, json: { phone } });
      const statuses = (await Promise.all([resend(a), resend(b)])).map((response) => response.status);
      assert.deepEqual(statuses.sort(), [200, 429]);
      const again = await resend(a);
      assert.equal(again.status, 429, 'still within the minute on the other instance');
      assert.ok(Number(again.headers.get('Retry-After')) > 0);
      assert.equal(await sentTo(), 2, 'the import\'s and one resend');
    });
  });

  describe('video signaling with the two sockets on different instances', () => {
    /** Asks `instance` for a join and opens the room's socket on `socketOn` (default: the same instance). */
    async function connect(instance: Instance, token: string, consultationId: string, socketOn: Instance = instance) {
      const response = await instance.server.request(`/api/v1/consultations/${consultationId}/video`, { method: 'POST', token });
      assert.equal(response.status, 200);
      const { url } = (await response.json()) as { url: string };
      return open(url.replace(/^ws:\/\/localhost/, socketOn.wsOrigin));
    }

    const open = openSignalSocket;

    it('pairs a patient on A with a doctor on B, relays a 60 kB offer, answer and ICE in order, and ends both from B', async () => {
      const { patient, doctor, consultation: { id } } = await consultation(a.server, b.server);
      const p = await connect(a, patient.token, id);
      assert.deepEqual(await p.next('welcome'), { type: 'welcome', role: 'patient', peer: null });
      const d = await connect(b, doctor.token, id);
      assert.deepEqual(await d.next('welcome'), { type: 'welcome', role: 'doctor', peer: 'patient' });
      assert.deepEqual(await p.next('peer-joined'), { type: 'peer-joined', role: 'doctor' });

      // Far past NOTIFY's 8000 bytes: it travels through a table row.
      const sdp = `v=0\r\n${'a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host\r\n'.repeat(1100)}`.slice(0, 60_000);
      d.socket.send(JSON.stringify({ type: 'offer', sdp }));
      const candidates = Array.from({ length: 15 }, (_, i) => ({ candidate: `candidate:${i} 1 udp 2122260223 192.0.2.1 ${50000 + i} typ host`, sdpMid: '0', sdpMLineIndex: 0 }));
      for (const candidate of candidates) d.socket.send(JSON.stringify({ type: 'ice', candidate }));
      const offer = await p.next('offer');
      assert.equal((offer.sdp as string).length, 60_000);
      assert.deepEqual(offer, { type: 'offer', sdp });
      await p.next('ice');
      for (let waited = 0; p.received.filter((message) => message.type === 'ice').length < candidates.length - 1; waited += 10) {
        assert.ok(waited < 5000, 'all candidates arrive');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const relayedOrder = [candidates[0], ...p.received.filter((message) => message.type === 'ice').map((message) => message.candidate)];
      assert.deepEqual(relayedOrder, candidates, 'the candidates came after the offer, in the order sent');

      p.socket.send(JSON.stringify({ type: 'answer', sdp: 'v=0 answer' }));
      assert.deepEqual(await d.next('answer'), { type: 'answer', sdp: 'v=0 answer' });

      const ended = await b.server.request(`/api/v1/consultations/${id}/video/end`, { method: 'POST', token: doctor.token });
      assert.equal(ended.status, 204);
      await p.next('ended');
      await d.next('ended');
      assert.deepEqual(await Promise.all([p.closed, d.closed]), [4100, 4100]);
    });

    it('ends both sockets when the doctor\'s end reaches the patient\'s instance', async () => {
      const { patient, doctor, consultation: { id } } = await consultation(a.server, b.server);
      const p = await connect(a, patient.token, id);
      await p.next('welcome');
      const d = await connect(b, doctor.token, id);
      await d.next('welcome');
      await p.next('peer-joined');
      const ended = await a.server.request(`/api/v1/consultations/${id}/video/end`, { method: 'POST', token: doctor.token });
      assert.equal(ended.status, 204);
      await d.next('ended');
      await p.next('ended');
      assert.deepEqual(await Promise.all([p.closed, d.closed]), [4100, 4100]);
    });

    it('tells the peer across instances when one leaves, and lets the newest connection of a user win', async () => {
      const { patient, doctor, consultation: { id } } = await consultation(a.server, b.server);
      const d = await connect(b, doctor.token, id);
      await d.next('welcome');
      const p1 = await connect(a, patient.token, id);
      assert.deepEqual(await p1.next('welcome'), { type: 'welcome', role: 'patient', peer: 'doctor' });
      await d.next('peer-joined');

      // The patient opens the call again (another tab), this time through B.
      const p2 = await connect(b, patient.token, id);
      assert.deepEqual(await p2.next('welcome'), { type: 'welcome', role: 'patient', peer: 'doctor' });
      assert.equal(await p1.closed, 4001);
      assert.deepEqual(await d.next('peer-joined'), { type: 'peer-joined', role: 'patient' });
      d.socket.send(JSON.stringify({ type: 'offer', sdp: 'v=0 to the new tab' }));
      assert.deepEqual(await p2.next('offer'), { type: 'offer', sdp: 'v=0 to the new tab' });

      p2.socket.send(JSON.stringify({ type: 'leave' }));
      assert.deepEqual(await d.next('peer-left'), { type: 'peer-left', role: 'patient' });
      p2.socket.close();
      d.socket.close();
    });

    it('uses a room ticket once across instances', async () => {
      const { patient, consultation: { id } } = await consultation(a.server, b.server);
      const first = await connect(a, patient.token, id, b);
      await first.next('welcome');
      const replay = open(first.url.replace(b.wsOrigin, a.wsOrigin));
      assert.equal(await replay.closed, 4401);

      const response = await a.server.request(`/api/v1/consultations/${id}/video`, { method: 'POST', token: patient.token });
      const { url } = (await response.json()) as { url: string };
      const racing = [open(url.replace(/^ws:\/\/localhost/, a.wsOrigin)), open(url.replace(/^ws:\/\/localhost/, b.wsOrigin))];
      const outcomes = await Promise.all(
        racing.map((socket) =>
          Promise.race([socket.closed.then((code) => `closed ${code}`), socket.next('welcome').then(() => 'welcome')]),
        ),
      );
      assert.deepEqual(outcomes.sort(), ['closed 4401', 'welcome']);
      for (const socket of [first, ...racing]) socket.socket.close();
    });
  });
});

describe('sign-in limits across instances', { skip }, () => {
  let a: Instance;
  let b: Instance;
  before(async () => {
    const env = { OZ_RATE_LIMIT_PER_MINUTE: '3', OZ_TRUST_PROXY: 'true' };
    a = await startInstance(env);
    b = await startInstance(env);
  });
  after(async () => {
    await stopInstance(a);
    await stopInstance(b);
  });

  const login = (instance: Instance, phone: string, address: string) =>
    instance.server.request('/api/v1/auth/login', { json: { phone, password: 'guess' }, headers: { 'X-Forwarded-For': address } });

  it('refuses the fourth attempt on one phone whether the attempts go to one instance or alternate between two', async () => {
    const onOne = uniquePhone();
    const single = [];
    for (let attempt = 0; attempt < 4; attempt += 1) single.push((await login(a, onOne, `198.51.100.${attempt + 1}`)).status);
    assert.deepEqual(single, [401, 401, 401, 429]);

    const spread = uniquePhone();
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await login(attempt % 2 ? b : a, spread, `203.0.113.${attempt + 1}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    // The same phone written differently is the same phone, on either instance.
    const written = `8${normalized(spread).slice(2)}`;
    assert.equal((await login(b, written, '203.0.113.77')).status, 429);
  });

  it('counts one client\'s attempts on both instances together', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await login(attempt % 2 ? a : b, uniquePhone(), '192.0.2.200')).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  });
});
