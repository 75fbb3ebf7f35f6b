import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { signInStaff } from './fixtures.ts';
import { cachedReadLanes, withCachedReads } from '../src/http/cached-read-lane.ts';
import { createLogger, flushLog } from '../src/lib/logger.ts';
import { STATIC_DIRS } from '../src/paths.ts';

const HOUR = 3600_000;
const PORTAL = 'https://portal.example.ru';

/**
 * Kept answers go out from Node before Hono (http/cached-read-lane.ts): the same answers, heads,
 * checks and log lines as Hono's, and Hono for everything the lane cannot answer by itself.
 */
describe('kept answers given before Hono', () => {
  let server: TestServer;
  let http: Server;
  let origin: string;
  /** The same app behind Hono alone, to compare with. */
  let plain: Server;
  let plainOrigin: string;
  /** Requests that reached Hono. */
  let honoCalls = 0;
  const logged: string[] = [];
  const logger = createLogger('info', { write: (text: string) => logged.push(text) });
  let patient: { token: string; user: { id: string } };
  let slotsPath: string;

  before(async () => {
    // With the widgets and sample pages mounted after the API, as main.ts has them: their handlers
    // then follow every route's in Hono's list.
    server = await startTestServer({ OZ_LOG_LEVEL: 'info' }, { logger, staticDirs: STATIC_DIRS });
    const hono = getRequestListener(server.app.fetch);
    http = createServer(
      withCachedReads(server.app, (incoming, outgoing) => {
        honoCalls += 1;
        return hono(incoming, outgoing);
      }),
    );
    plain = createServer(hono);
    for (const node of [http, plain]) await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    plainOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    // Eight hours of duty slots: a list long enough to be compressed.
    const duty = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true, fullName: 'Кузнецов Д. С.' });
    const start = new Date(Date.now() + 2 * 24 * HOUR);
    start.setUTCMinutes(0, 0, 0);
    const published = await server.request('/api/v1/duty/slots', {
      token: duty.token,
      json: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 8 * HOUR).toISOString(), durationMinutes: 20 },
    });
    const slots = ((await published.json()) as { items: { id: string }[] }).items;
    patient = await registerPatient(server);
    const booked = await server.request(`/api/v1/duty/slots/${slots[0]!.id}/book`, { token: patient.token, json: { topic: 'Повторная консультация' } });
    assert.equal(booked.status, 201, await booked.clone().text());
    slotsPath = `/api/v1/duty/slots?centerId=bakulev&from=${encodeURIComponent(start.toISOString())}`;
  });
  after(async () => {
    for (const node of [http, plain]) await new Promise((resolve) => node.close(resolve));
    await server.close();
  });

  /** Asks Node's server; says whether Hono answered. */
  async function ask(path: string, headers: Record<string, string> = {}) {
    const before = honoCalls;
    const response = await fetch(origin + path, { headers: { 'Accept-Encoding': 'identity', ...headers } });
    return { response, body: await response.text(), viaHono: honoCalls > before };
  }
  /** The target with a query not asked before: its answer is not kept yet. */
  let pageSize = 20;
  const fresh = (target: string) => `${target}${target.includes('?') ? '&' : '?'}limit=${(pageSize += 1)}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** Names and values, without the ones that differ by nature. */
  const headersOf = (response: Response) =>
    Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'x-request-id'].includes(name)));

  it('has a lane for the kept and fixed reads of the API, behind the same token check as their routes', () => {
    const lanes = cachedReadLanes(server.app);
    assert.deepEqual([...lanes.keys()].sort(), ['/api/v1/centers', '/api/v1/consultations', '/api/v1/duty/slots', '/api/v1/openapi.json']);
    assert.deepEqual(lanes.get('/api/v1/consultations')!.auth, { allowOneTimePassword: false, roles: ['patient', 'doctor'] });
    assert.equal(lanes.get('/api/v1/consultations')!.cache?.personal, true);
    assert.equal(lanes.get('/api/v1/duty/slots')!.auth, undefined);
    assert.ok(lanes.get('/api/v1/centers')!.fixed);
  });

  it('gives a fixed answer without Hono, with the same status, headers and body as Hono alone gives', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/v1/centers', {}],
      ['/api/v1/centers', { Origin: PORTAL, 'Accept-Encoding': 'br' }],
      ['/api/v1/centers', { Origin: 'https://evil.example.com', 'Accept-Encoding': 'gzip' }],
      ['/api/v1/openapi.json', { 'Accept-Encoding': 'gzip, br' }],
    ];
    for (const [path, headers] of cases) {
      const laned = await ask(path, headers);
      const alone = await fetch(plainOrigin + path, { headers: { 'Accept-Encoding': 'identity', ...headers } });
      assert.equal(laned.viaHono, false, path);
      assert.equal(laned.response.status, 200);
      assert.deepEqual(headersOf(laned.response), headersOf(alone), `${path} ${JSON.stringify(headers)}`);
      assert.equal(laned.body, await alone.text());
    }
    const centers = await ask('/api/v1/centers', { 'Accept-Encoding': 'br' });
    assert.equal(centers.response.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal(centers.response.headers.get('content-encoding'), 'br');
  });

  it('gives a kept answer without Hono, with the same status, headers and body as Hono gave', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/v1/consultations', bearer(patient.token)],
      ['/api/v1/consultations', { ...bearer(patient.token), Origin: PORTAL, 'Accept-Encoding': 'gzip' }],
      [slotsPath, {}],
      [slotsPath, { Origin: PORTAL, 'Accept-Encoding': 'br' }],
      [slotsPath, { Origin: 'https://evil.example.com', 'Accept-Encoding': 'gzip, deflate, br' }],
    ];
    for (const [target, headers] of cases) {
      const path = fresh(target);
      const made = await ask(path, headers);
      const kept = await ask(path, headers);
      assert.equal(made.viaHono, true, `${path} first made by its handler`);
      assert.equal(kept.viaHono, false, `${path} then given from the lane`);
      assert.equal(kept.response.status, 200);
      assert.deepEqual(headersOf(kept.response), headersOf(made.response), JSON.stringify(headers));
      assert.equal(kept.body, made.body);
    }
    // The compressed forms were really used: a slot list is big enough to gain.
    await ask(slotsPath);
    const compressed = await ask(slotsPath, { 'Accept-Encoding': 'br' });
    assert.equal(compressed.response.headers.get('content-encoding'), 'br');
    assert.equal(compressed.viaHono, false);
  });

  it('keeps a sound X-Request-Id of a proxy and makes one otherwise, as Hono does', async () => {
    await ask('/api/v1/consultations', bearer(patient.token));
    const given = await ask('/api/v1/consultations', { ...bearer(patient.token), 'X-Request-Id': 'proxy-id-1' });
    assert.equal(given.viaHono, false);
    assert.equal(given.response.headers.get('x-request-id'), 'proxy-id-1');
    const unsound = await ask('/api/v1/consultations', { ...bearer(patient.token), 'X-Request-Id': 'no spaces allowed' });
    assert.match(unsound.response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('leaves to Hono every request it cannot answer itself: no token, a bad or revoked one, a wrong role', async () => {
    await ask('/api/v1/consultations', bearer(patient.token));
    const none = await ask('/api/v1/consultations');
    assert.deepEqual([none.response.status, none.viaHono], [401, true]);
    const forged = await ask('/api/v1/consultations', bearer('x'.repeat(43)));
    assert.deepEqual([forged.response.status, forged.viaHono], [401, true]);
    const manager = await signInStaff(server, { role: 'manager', fullName: 'Иванова А. П.' });
    const wrongRole = await ask('/api/v1/consultations', bearer(manager.token));
    assert.deepEqual([wrongRole.response.status, wrongRole.viaHono], [403, true]);
    // Signed out: the kept answer is still there, but not for this token.
    const other = await registerPatient(server);
    assert.equal((await ask('/api/v1/consultations', bearer(other.token))).viaHono, true);
    assert.equal((await ask('/api/v1/consultations', bearer(other.token))).viaHono, false);
    assert.equal((await server.request('/api/v1/auth/logout', { method: 'POST', token: other.token })).status, 204);
    const revoked = await ask('/api/v1/consultations', bearer(other.token));
    assert.deepEqual([revoked.response.status, revoked.viaHono], [401, true]);
  });

  it("gives each person their own kept answer, never another's", async () => {
    const first = await ask('/api/v1/consultations', bearer(patient.token));
    const second = await registerPatient(server);
    await ask('/api/v1/consultations', bearer(second.token));
    const theirs = await ask('/api/v1/consultations', bearer(second.token));
    assert.equal(theirs.viaHono, false);
    assert.deepEqual(JSON.parse(theirs.body), { items: [], nextCursor: null });
    const mine = await ask('/api/v1/consultations', bearer(patient.token));
    assert.equal(mine.body, first.body);
    assert.equal((JSON.parse(mine.body) as { items: unknown[] }).items.length, 1);
  });

  it('asks Hono again once the answer changed, and for another query', async () => {
    await ask('/api/v1/consultations', bearer(patient.token));
    assert.equal((await ask('/api/v1/consultations', bearer(patient.token))).viaHono, false);
    const [consultation] = (JSON.parse((await ask('/api/v1/consultations', bearer(patient.token))).body) as { items: { id: string }[] }).items;
    assert.equal((await server.request(`/api/v1/consultations/${consultation!.id}/cancel`, { token: patient.token, json: {} })).status, 200);
    const changed = await ask('/api/v1/consultations', bearer(patient.token));
    assert.equal(changed.viaHono, true);
    assert.equal((JSON.parse(changed.body) as { items: { status: string }[] }).items[0]!.status, 'cancelled');
    assert.equal((await ask('/api/v1/consultations?limit=5', bearer(patient.token))).viaHono, true);
    // Not a GET: never the lane.
    const before = honoCalls;
    await fetch(origin + '/api/v1/consultations', { method: 'HEAD', headers: bearer(patient.token) });
    assert.equal(honoCalls, before + 1);
  });

  it('logs a kept answer with the line Hono logs', async () => {
    const path = fresh('/api/v1/consultations');
    await ask(path, bearer(patient.token));
    await ask(path, bearer(patient.token));
    await flushLog(logger);
    const [made, kept] = logged
      .join('')
      .trim()
      .split('\n')
      .slice(-2)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const shape = ({ at, ms, requestId, ...rest }: Record<string, unknown>) => ({ ...rest, at: typeof at, ms: typeof ms, requestId: typeof requestId });
    assert.deepEqual(shape(kept!), shape(made!));
    assert.deepEqual(Object.keys(kept!), Object.keys(made!));
    assert.equal(kept!.route, '/api/v1/consultations');
  });
});
