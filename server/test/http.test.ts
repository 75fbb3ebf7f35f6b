import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFLICT_REASONS } from '@oz/contracts';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { createLogger, flushLog } from '../src/lib/logger.ts';

describe('HTTP basics', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('allows CORS only for configured origins', async () => {
    const allowed = await server.request('/api/v1/centers', { headers: { Origin: 'https://portal.example.ru' } });
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://portal.example.ru');
    const unlisted = await server.request('/api/v1/centers', { headers: { Origin: 'https://evil.example.com' } });
    assert.equal(unlisted.headers.get('Access-Control-Allow-Origin'), null);

    const preflight = await server.request('/api/v1/auth/login', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://portal.example.ru',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), 'https://portal.example.ru');
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization/i);
    // Every method the API has, PATCH /staff/:id included, may come from an embedding site.
    assert.deepEqual((preflight.headers.get('Access-Control-Allow-Methods') ?? '').split(','), ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS']);
    const evilPreflight = await server.request('/api/v1/auth/login', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(evilPreflight.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('sends secure headers and a request id', async () => {
    const response = await server.request('/api/v1/centers');
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.ok(response.headers.get('Strict-Transport-Security'));
    assert.ok(response.headers.get('X-Frame-Options'));
    assert.match(response.headers.get('X-Request-Id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await server.request('/api/v1/no-such-thing');
    assert.equal(response.status, 404);
    assert.equal((await errorOf(response)).code, 'not_found');
  });

  it('serves the two centers with their diseases and documents', async () => {
    const response = await server.request('/api/v1/centers');
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as {
      items: { id: string; name: string; diseases: { id: string }[]; documents: { kind: string; required: boolean }[] }[];
    };
    assert.deepEqual(items.map((center) => center.id), ['bakulev', 'kulakov']);
    const [bakulev, kulakov] = items;
    assert.match(bakulev!.name, /Бакулева/);
    assert.equal(bakulev!.diseases.length, 7);
    assert.deepEqual(
      bakulev!.documents.map((doc) => [doc.kind, doc.required]),
      [['discharge_summary', true], ['ecg', true], ['echocg', true], ['ct', false], ['mri', false]],
    );
    assert.match(kulakov!.name, /Кулакова/);
    assert.equal(kulakov!.diseases.length, 6);
    assert.deepEqual(
      kulakov!.documents.filter((doc) => doc.required).map((doc) => doc.kind),
      ['discharge_summary', 'pregnancy_card', 'pelvic_ultrasound', 'fetal_ultrasound'],
    );
  });

  it('serves the consent text as JSON and as an escaped page, in both languages', async () => {
    const ru = (await (await server.request('/api/v1/consent')).json()) as { lang: string; text: string; version: string };
    assert.equal(ru.lang, 'ru');
    assert.match(ru.text, /152-ФЗ/);
    const en = (await (await server.request('/api/v1/consent?lang=en')).json()) as { text: string };
    assert.match(en.text, /152-FZ/);
    const page = await server.request('/api/v1/consent?lang=ru&format=html');
    assert.match(page.headers.get('Content-Type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<html lang="ru">/);
    assert.match(html, /&laquo;|«/);
    assert.equal((await server.request('/api/v1/consent?lang=de')).status, 422);
  });

  it('names the personal-data operator and its address from OZ_OPERATOR_NAME and OZ_OPERATOR_ADDRESS', async () => {
    const named = await startTestServer({ OZ_OPERATOR_NAME: 'ФГБУ «Тестовый центр» Минздрава России', OZ_OPERATOR_ADDRESS: '101000, Москва, ул. Примерная, д. 1' });
    try {
      const ru = (await (await named.request('/api/v1/consent')).json()) as { text: string };
      assert.match(ru.text, /Оператор персональных данных: ФГБУ «Тестовый центр» Минздрава России, адрес: 101000, Москва, ул\. Примерная, д\. 1\./);
      const page = await (await named.request('/api/v1/consent?format=html')).text();
      assert.match(page, /Тестовый центр/);
    } finally {
      await named.close();
    }
    const unset = (await (await server.request('/api/v1/consent?lang=en')).json()) as { text: string };
    assert.match(unset.text, /OZ_OPERATOR_NAME/, 'a deployment without it shows what is missing');
  });

  it('publishes the OpenAPI document generated from the contracts', async () => {
    const response = await server.request('/api/v1/openapi.json');
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/auth/register', '/auth/login', '/auth/logout', '/auth/password', '/me', '/centers', '/consent']) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
    for (const schema of ['User', 'RegisterRequest', 'AuthResponse', 'Error', 'Center']) {
      assert.ok(doc.components.schemas[schema], `${schema} is a component`);
    }
  });

  it('documents which conflict each 409 is, naming every reason of the contracts', async () => {
    type Operation = { responses?: Record<string, { description?: string }> };
    const doc = (await (await server.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    assert.deepEqual(doc.components.schemas['ConflictReason']?.enum, [...CONFLICT_REASONS]);
    const conflicts = Object.values(doc.paths).flatMap((operations) => Object.values(operations)).map((operation) => operation.responses?.['409']?.description ?? '');
    const described = conflicts.join('\n');
    for (const reason of CONFLICT_REASONS) assert.ok(described.includes(`\`${reason}\``), `${reason} is documented on a route`);
    for (const named of described.matchAll(/`details\.reason` (.*)/g)) {
      for (const [, word] of named[1]!.matchAll(/`([a-z_]+)` \(/g)) assert.ok((CONFLICT_REASONS as readonly string[]).includes(word!), `${word} is a ConflictReason`);
    }
  });

  it('takes each route\'s own body limit: uploads and the speed test past the JSON limit, before sign-in is checked', async () => {
    const post = (path: string, bytes: number) =>
      server.app.request(path, { method: 'POST', body: new Uint8Array(bytes), headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes) } });
    const jsonLimit = 64 * 1024;
    for (const path of ['/api/v1/documents', '/api/v1/referrals/import', '/api/v1/video/speedtest']) {
      assert.equal((await post(path, jsonLimit + 1)).status, 401, `${path} reads past the JSON limit`);
    }
    const overUpload = await post('/api/v1/documents', server.config.maxUploadBytes + 128 * 1024);
    assert.deepEqual([overUpload.status, (await errorOf(overUpload)).code], [413, 'payload_too_large']);
    assert.equal((await post('/api/v1/video/speedtest', 4 * 1024 * 1024 + 1)).status, 413);
    for (const path of ['/api/v1/auth/login', '/api/v1/duty/slots', '/api/v1/documents/some-id']) {
      const response = await post(path, jsonLimit + 1);
      assert.deepEqual([response.status, (await errorOf(response)).code], [413, 'payload_too_large'], path);
    }
  });

  it('lets a patient still on a one-time password use only the routes that declare it: who am I, a new password, sign out', async () => {
    const patient = await registerPatient(server);
    await server.services.store.users.update(patient.user.id, { mustChangePassword: true });
    const document = (await (await server.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const allowed: string[] = [];
    // Signing out ends the token the walk uses: that route goes last.
    const routes = Object.entries(document.paths).sort(([a], [b]) => Number(a === '/auth/logout') - Number(b === '/auth/logout'));
    for (const [path, operations] of routes) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security?.length) continue; // public routes
        const url = `/api/v1${path.replace(/\{[^}]+\}/g, 'some-id')}`;
        const response = await server.request(url, { method: method.toUpperCase(), token: patient.token, ...(method === 'get' ? {} : { json: {} }) });
        assert.notEqual(response.status, 401, `${method} ${path}: the token stopped working during the walk`);
        if (response.status === 403 && (await errorOf(response)).code === 'password_change_required') continue;
        allowed.push(`${method.toUpperCase()} ${path}`);
      }
    }
    assert.deepEqual(allowed.sort(), ['GET /me', 'POST /auth/logout', 'POST /auth/password']);
  });

  it('serves Swagger UI with its assets from this server, not a CDN', async () => {
    const page = await server.request('/api/v1/docs');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(!/https?:\/\//.test(html), 'no external URLs');
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /default-src 'self'/);
    const script = await server.request('/api/v1/docs/assets/swagger-ui-bundle.js');
    assert.equal(script.status, 200);
    assert.ok((await script.text()).length > 100_000);
    assert.equal((await server.request('/api/v1/docs/assets/..%2Fpackage.json')).status, 404);
  });

  it('logs one line per request with no phone, password or token', async () => {
    const writes: string[] = [];
    const logger = createLogger('info', { write: (text: string) => writes.push(text) });
    const logged = await startTestServer({ OZ_LOG_LEVEL: 'info' }, { logger });
    let patient;
    try {
      patient = await registerPatient(logged, { phone: '+79215550011', password: 'secret password 1' });
      await logged.request('/api/v1/auth/login?phone=+79215550011', { json: { phone: '+79215550011', password: 'secret password 1' } });
    } finally {
      await logged.close();
    }
    // A write may carry several lines (lib/logger.ts writes them in blocks).
    await flushLog(logger);
    const log = writes.join('');
    const lines = log.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 3, 'the SMS code, the registration, the sign-in');
    assert.match(log, /"route":"\/api\/v1\/auth\/phone-code","status":202/);
    assert.match(log, /"route":"\/api\/v1\/auth\/register","status":201/);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(first), ['level', 'at', 'requestId', 'method', 'route', 'status', 'ms']);
    assert.equal(first.level, 'info');
    assert.match(String(first.at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const secret of ['9215550011', 'secret password', patient.token, 'Иванова']) assert.ok(!log.includes(secret), `log leaks ${secret}`);
  });
});
