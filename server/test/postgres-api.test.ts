import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { errorOf, registerPatient, requestSmsCode, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, signInStaff } from './fixtures.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';
import { testServerEnv } from '../../scripts/test-server-env.mjs';
import { withoutPassword } from '../src/adapters/store/open-store.ts';

const noServer = !(await reachableServer());
const skip = noServer ? 'no PostgreSQL server answers (set OZ_TEST_DATABASE_URL); the Store contract suite ran on PGlite instead' : false;

/** A TCP relay in front of PostgreSQL that a test can cut and restore, as a network or a restart would. */
async function cuttableRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server!.close(resolve));
    },
    restore: listen,
  };
}

describe('the API on PostgreSQL', { skip }, () => {
  let database: { url: string; drop(): Promise<void> };
  let relay: Awaited<ReturnType<typeof cuttableRelay>>;
  let server: TestServer;
  before(async () => {
    database = (await freshDatabaseUrl())!;
    relay = await cuttableRelay(new URL(database.url));
    server = await startTestServer({ DATABASE_URL: relay.url() });
  });
  after(async () => {
    await server?.close();
    await relay?.cut().catch(() => undefined);
    await database?.drop();
  });

  it('gives one booking of a slot to one of fifty patients who try at once', async () => {
    const duty = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true, fullName: 'Кузнецов Д. С.' });
    const start = new Date(Date.now() + 5 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const published = await server.request('/api/v1/duty/slots', {
      token: duty.token,
      json: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 20 * 60_000).toISOString(), durationMinutes: 20 },
    });
    assert.equal(published.status, 201);
    const [slot] = ((await published.json()) as { items: { id: string }[] }).items;
    const patients = [];
    for (let i = 0; i < 50; i += 1) patients.push(await registerPatient(server));
    const answers = await Promise.all(patients.map((patient) => server.request(`/api/v1/duty/slots/${slot!.id}/book`, { method: 'POST', token: patient.token })));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.equal(statuses.filter((status) => status === 201).length, 1, `statuses: ${statuses.join(',')}`);
    assert.ok(statuses.every((status) => status === 201 || status === 409), `statuses: ${statuses.join(',')}`);
    const mine = (await (await server.request('/api/v1/duty/slots/mine', { token: duty.token })).json()) as { items: { id: string; status: string }[] };
    assert.equal(mine.items.find((item) => item.id === slot!.id)?.status, 'booked');
  });

  it('answers 503 with Retry-After while the database is away, and works again when it is back', async () => {
    const patient = await registerPatient(server);
    assert.equal((await server.request('/api/v1/me', { token: patient.token })).status, 200);
    const code = await requestSmsCode(server, '+79215550101');
    await relay.cut();
    try {
      // A read of the database's (the session itself may be taken from memory for a few seconds: services/session-cache.ts).
      const away = await server.request('/api/v1/documents', { token: patient.token });
      assert.equal(away.status, 503);
      assert.equal((await errorOf(away)).code, 'unavailable');
      assert.ok(Number(away.headers.get('retry-after')) > 0);
      const registering = await server.request('/api/v1/auth/register', { json: { fullName: 'Петрова Анна', birthDate: '1950-01-01', phone: '+79215550101', password: 'correct horse', code, consent: true } });
      assert.equal(registering.status, 503);
    } finally {
      await relay.restore();
    }
    const back = await server.request('/api/v1/me', { token: patient.token });
    assert.equal(back.status, 200);
    const registered = await server.request('/api/v1/auth/register', { json: { fullName: 'Петрова Анна', birthDate: '1950-01-01', phone: '+79215550101', password: 'correct horse', code, consent: true } });
    assert.equal(registered.status, 201, 'nothing half-written by the failed attempt: the code still works');
  });

  it('pages a doctor\'s queue through the API with limit and nextCursor, oldest first', async () => {
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: false, fullName: 'Петров А. И.' });
    const filed: string[] = [];
    for (let i = 0; i < 5; i += 1) filed.push((await applyToBakulev(server, (await registerPatient(server)).token)).application.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await server.request(`/api/v1/applications?status=submitted&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: doctor.token });
      assert.equal(response.status, 200);
      const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen.filter((id) => filed.includes(id)), filed);
    const forged = await server.request('/api/v1/applications?cursor=forged', { token: doctor.token });
    assert.equal(forged.status, 422);
  });
});

describe('the database address in messages', () => {
  it('never shows a password, in the address or in its query', () => {
    assert.equal(withoutPassword('postgres://oz:s3cret@db.example.ru:5432/oz'), 'postgres://oz:***@db.example.ru:5432/oz');
    const masked = withoutPassword('postgres://oz@db.example.ru/oz?password=s3cret&sslpassword=k3y&sslmode=require');
    assert.doesNotMatch(masked, /s3cret|k3y/);
    assert.match(masked, /sslmode=require/);
  });
});

describe('starting on a database that cannot be reached', () => {
  it('stops with a message naming DATABASE_URL, without its password', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: testServerEnv({ PORT: '0', HOST: '127.0.0.1', OZ_SMS_OUTBOX: '1', DATABASE_URL: `postgres://oz:s3cret-pass@127.0.0.1:${closed}/oz` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(output, /DATABASE_URL=postgres:\/\/oz:\*\*\*@127\.0\.0\.1/);
    assert.match(output, /ECONNREFUSED|connect/);
    assert.doesNotMatch(output, /s3cret-pass/);
    assert.doesNotMatch(output, /listening on/);
  });
});
