import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers';
import type { ServerType } from '@hono/node-server';
import { SECURE_HEADERS } from '../src/http/secure-headers.ts';
import { registerPatient, listenOnNode, startTestServer, type TestServer } from './helpers.ts';

/**
 * Behind @hono/node-server the app sets its headers on Node's response (http/node-headers.ts),
 * in tests on Hono's: both must answer alike.
 */
describe('served by Node as in production', () => {
  let server: TestServer;
  let http: ServerType;
  let origin: string;
  before(async () => {
    server = await startTestServer();
    let port: number;
    ({ http, port } = await listenOnNode(server));
    origin = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await new Promise((resolve) => http.close(resolve));
    await server.close();
  });

  /** Names and values, without the ones that differ by nature (date, connection, request id). */
  const headersOf = (response: Response) =>
    Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'x-request-id'].includes(name)));

  it('sends the same answer, headers and all, as the app does in tests', async () => {
    const cases: [string, RequestInit][] = [
      ['/api/v1/centers', { headers: { Origin: 'https://portal.example.ru' } }],
      ['/api/v1/centers', { headers: { Origin: 'https://evil.example.com' } }],
      ['/api/v1/duty/slots?centerId=bakulev', {}],
      ['/api/v1/consultations', {}],
      ['/api/v1/no-such-thing', { headers: { Origin: 'https://portal.example.ru' } }],
      ['/api/v1/auth/login', { method: 'OPTIONS', headers: { Origin: 'https://portal.example.ru', 'Access-Control-Request-Method': 'POST' } }],
    ];
    for (const [path, init] of cases) {
      // fetch asks for gzip by itself; compression, a matter of the transport, has its own test (compression.test.ts).
      const viaNode = await fetch(origin + path, { ...init, headers: { ...init.headers, 'Accept-Encoding': 'identity' } });
      const inProcess = await server.request(path, init);
      assert.equal(viaNode.status, inProcess.status, path);
      // Node adds Content-Length, and @hono/node-server a Content-Type even to a 204.
      const added = ['content-length', ...(viaNode.status === 204 ? ['content-type'] : [])];
      const withoutAdded = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !added.includes(name)));
      assert.deepEqual(withoutAdded(headersOf(viaNode)), withoutAdded(headersOf(inProcess)), path);
      assert.equal(await viaNode.text(), await inProcess.text(), path);
      assert.match(viaNode.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, path);
    }
  });

  it('sends the security headers of hono/secure-headers, CORS only to configured origins', async () => {
    const reference = new Hono().use(honoSecureHeaders({ crossOriginResourcePolicy: 'cross-origin', referrerPolicy: 'strict-origin-when-cross-origin' })).get('/', (c) => c.text(''));
    const expected = [...(await reference.request('/')).headers].filter(([name]) => name !== 'content-type');
    assert.deepEqual(SECURE_HEADERS.map(([name, value]) => [name.toLowerCase(), value]), expected);
    const allowed = await fetch(`${origin}/api/v1/centers`, { headers: { Origin: 'https://portal.example.ru' } });
    for (const [name, value] of expected) assert.equal(allowed.headers.get(name), value, name);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://portal.example.ru');
    assert.equal(allowed.headers.get('vary'), 'Origin, Accept-Encoding');
    assert.equal(allowed.headers.get('cache-control'), 'public, max-age=3600');
    const unlisted = await fetch(`${origin}/api/v1/centers`, { headers: { Origin: 'https://evil.example.com' } });
    assert.equal(unlisted.headers.get('access-control-allow-origin'), null);
    const refused = await fetch(`${origin}/api/v1/consultations`, { headers: { Origin: 'https://portal.example.ru' } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(refused.headers.get('access-control-allow-origin'), 'https://portal.example.ru');
  });

  it('tells browsers and proxies never to keep personal answers; public ones say how long they may', async () => {
    const patient = await registerPatient(server);
    const auth = { Authorization: `Bearer ${patient.token}` };
    const cacheOf = async (path: string, init: RequestInit = {}) => (await fetch(origin + path, init)).headers.get('cache-control');
    assert.equal(await cacheOf('/api/v1/me', { headers: auth }), 'no-store');
    assert.equal(await cacheOf('/api/v1/consultations', { headers: auth }), 'no-store');
    assert.equal(await cacheOf('/api/v1/consultations', { headers: auth }), 'no-store'); // a kept answer too
    assert.equal(await cacheOf('/api/v1/me'), 'no-store'); // 401
    const signIn = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: patient.user.phone, password: patient.password }) };
    assert.equal(await cacheOf('/api/v1/auth/login', signIn), 'no-store');
    assert.equal(await cacheOf('/api/v1/centers'), 'public, max-age=3600');
    assert.equal(await cacheOf('/api/v1/consent'), 'public, max-age=3600');
  });

  it('keeps a sound request id from the proxy and replaces any other', async () => {
    const kept = await fetch(`${origin}/api/v1/centers`, { headers: { 'X-Request-Id': 'proxy-id-42' } });
    assert.equal(kept.headers.get('x-request-id'), 'proxy-id-42');
    const replaced = await fetch(`${origin}/api/v1/centers`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('limits JSON bodies by Content-Length and by what arrives, and answers a bodiless POST', async () => {
    const post = (headers: Record<string, string>, body?: BodyInit) => fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    const huge = JSON.stringify({ phone: '+79990000000', password: 'x'.repeat(70 * 1024) });
    assert.equal((await post({ 'Content-Type': 'application/json' }, huge)).status, 413);
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    assert.equal((await post({ 'Content-Type': 'application/json' }, chunked)).status, 413, 'no Content-Length: counted as it arrives');
    // The path as Hono routes it (decoded), not as the request line spells it, decides what is the API.
    const spelled = await fetch(`${origin}/%61pi/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: huge });
    assert.equal(spelled.status, 413, 'an encoded path to the API is limited too');
    assert.equal((await post({ 'Content-Type': 'application/json' }, '{"phone":"+79990000000","password":"wrong password"}')).status, 401);
    const { token } = await registerPatient(server);
    const ticket = await fetch(`${origin}/api/v1/notifications/stream-ticket`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(ticket.status, 201, 'a POST without a body');
  });
});
