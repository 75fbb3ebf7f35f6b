import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { ServerType } from '@hono/node-server';
import { preferredCoding } from '../src/http/content-coding.ts';
import { listenOnNode, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { SAMPLE_FILES, signInStaff, upload, uploadOk } from './fixtures.ts';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire, not decompressed (fetch would undo the coding). */
  body: Buffer;
}

const decoded = ({ headers, body }: RawAnswer): string => {
  const coding = headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(body).toString();
  if (coding === 'gzip') return gunzipSync(body).toString();
  assert.equal(coding, undefined, 'an unknown coding');
  return body.toString();
};

describe('compressed API answers', () => {
  let server: TestServer;
  let http: ServerType;
  let port: number;
  before(async () => {
    server = await startTestServer();
    ({ http, port } = await listenOnNode(server));
  });
  after(async () => {
    await new Promise((resolve) => http.close(resolve));
    await server.close();
  });

  const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<RawAnswer>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: `/api/v1${path}`, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  /** Each route's answer as it is, then asked in each coding: the same JSON, fewer bytes, the right length. */
  async function assertCompressedLikeIdentity(path: string, headers: Record<string, string> = {}) {
    const identity = await raw(path, headers);
    assert.equal(identity.status, 200, path);
    assert.ok(identity.body.byteLength >= 1024, `${path} is big enough to be compressed (${identity.body.byteLength} B)`);
    assert.equal(identity.headers['content-encoding'], undefined);
    for (const coding of ['br', 'gzip'] as const) {
      const answer = await raw(path, { ...headers, 'Accept-Encoding': coding });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-encoding'], coding, `${path} in ${coding}`);
      assert.equal(answer.headers['content-length'], String(answer.body.byteLength), 'Content-Length counts the compressed bytes');
      assert.ok(answer.body.byteLength < identity.body.byteLength * 0.7, `${path} in ${coding}: ${answer.body.byteLength} of ${identity.body.byteLength} B`);
      assert.equal(decoded(answer), identity.body.toString(), `${path} in ${coding} decompresses to the same JSON`);
      assert.equal(answer.headers['vary'], 'Origin, Accept-Encoding');
      assert.equal(answer.headers['content-type'], identity.headers['content-type']);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    }
  }

  it('sends the catalog and the OpenAPI document compressed once made, in brotli or gzip as asked', async () => {
    await assertCompressedLikeIdentity('/centers', { Origin: 'https://portal.example.ru' });
    const centers = await raw('/centers', { Origin: 'https://portal.example.ru', 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(centers.headers['content-encoding'], 'br');
    assert.equal(centers.headers['access-control-allow-origin'], 'https://portal.example.ru');
    assert.equal(centers.headers['cache-control'], 'public, max-age=3600');
    assert.ok(centers.body.byteLength < 1100, `the catalog in brotli: ${centers.body.byteLength} B`);
    await assertCompressedLikeIdentity('/openapi.json');
  });

  it('compresses JSON made for each request: a public text and a signed-in list', async () => {
    await assertCompressedLikeIdentity('/consent?lang=ru');
    const { token } = await registerPatient(server);
    for (let count = 0; count < 8; count += 1) await uploadOk(server, token, 'ecg');
    await assertCompressedLikeIdentity('/documents', { Authorization: `Bearer ${token}` });
  });

  it('compresses a kept answer once, and never sends its old form once it changed', async () => {
    const duty = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true });
    const start = new Date(Date.now() + 6 * 24 * 3600_000);
    start.setUTCHours(6, 0, 0, 0);
    const period = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString(), durationMinutes: 20 };
    const published = await server.request('/api/v1/duty/slots', { token: duty.token, json: period });
    assert.equal(published.status, 201);
    const path = `/duty/slots?centerId=bakulev&from=${encodeURIComponent(start.toISOString())}`;
    await assertCompressedLikeIdentity(path);
    const first = await raw(path, { 'Accept-Encoding': 'br' });
    const kept = await raw(path, { 'Accept-Encoding': 'br' });
    assert.deepEqual(kept.body, first.body);
    const before = JSON.parse(decoded(first)) as { items: { id: string }[] };
    const { items } = before;
    const patient = await registerPatient(server);
    assert.equal((await server.request(`/api/v1/duty/slots/${items[0]!.id}/book`, { token: patient.token, method: 'POST' })).status, 201);
    const changed = await raw(path, { 'Accept-Encoding': 'br' });
    assert.equal(changed.headers['content-encoding'], 'br');
    assert.deepEqual(JSON.parse(decoded(changed)), { ...before, items: items.slice(1) }, 'the booked slot is gone from the compressed answer too');
  });

  it('follows Accept-Encoding: q-values, a wildcard, and an answer as it is when none fits or the header is absent', async () => {
    const codingFor = async (acceptEncoding?: string) =>
      (await raw('/consent', acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding })).headers['content-encoding'];
    assert.equal(await codingFor(undefined), undefined);
    assert.equal(await codingFor('identity'), undefined);
    assert.equal(await codingFor('gzip;q=0, br;q=0'), undefined);
    assert.equal(await codingFor('deflate, zstd'), undefined);
    assert.equal(await codingFor('gzip;q=0.5, br;q=0.4'), 'gzip');
    assert.equal(await codingFor('gzip, br;q=0'), 'gzip');
    assert.equal(await codingFor('*'), 'br');
    assert.equal(await codingFor('br;q=0, *;q=0.1'), 'gzip');
    const plain = await raw('/consent', { 'Accept-Encoding': 'identity' });
    assert.equal(plain.headers['vary'], 'Origin, Accept-Encoding', 'said on the answer as it is too, for caches');
    assert.equal(plain.headers['content-length'], String(plain.body.byteLength));
  });

  it('leaves small answers and errors as they are, in the error shape', async () => {
    const refused = await raw('/me', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.equal((JSON.parse(refused.body.toString()) as { error: { code: string } }).error.code, 'unauthenticated');
    const missing = await raw('/no-such-thing', { 'Accept-Encoding': 'gzip' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-encoding'], undefined);
    assert.equal((JSON.parse(missing.body.toString()) as { error: { code: string } }).error.code, 'not_found');
  });

  it('never compresses a HEAD', async () => {
    for (const path of ['/centers', '/consent']) {
      const head = await raw(path, { 'Accept-Encoding': 'br' }, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.headers['content-encoding'], undefined, path);
    }
  });

  it('sends a document\'s file as it was uploaded, an attachment, not compressed again', async () => {
    const { token } = await registerPatient(server);
    // Compressible bytes behind a PDF header: compressed, they would shrink to nothing.
    const pdf = new Uint8Array(64 * 1024).fill(0x20);
    pdf.set(SAMPLE_FILES.pdf());
    const uploaded = await upload(server, token, 'ecg', pdf, 'ecg.pdf');
    assert.equal(uploaded.status, 201);
    const { id } = (await uploaded.json()) as { id: string };
    const file = await raw(`/documents/${id}/content`, { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'br, gzip' });
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-encoding'], undefined);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(file.headers['content-disposition'] ?? '', /^attachment; filename="ecg.pdf"/);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.equal(file.headers['content-length'], String(pdf.byteLength));
    assert.deepEqual(new Uint8Array(file.body), pdf);
  });

  it('keeps the notification stream a stream: not compressed, each event sent as it comes', async () => {
    const { token } = await registerPatient(server);
    const ticketAnswer = await server.request('/api/v1/notifications/stream-ticket', { method: 'POST', token });
    const { ticket } = (await ticketAnswer.json()) as { ticket: string };
    const { headers, first } = await new Promise<{ headers: IncomingHttpHeaders; first: string }>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port, path: `/api/v1/notifications/stream?ticket=${ticket}`, headers: { 'Accept-Encoding': 'br, gzip' } }, (response) => {
        // The first event arrives while the answer is still open: nothing holds the stream back.
        response.once('data', (chunk: Buffer) => {
          resolve({ headers: response.headers, first: chunk.toString() });
          sent.destroy();
        });
      }).on('error', (error) => (sent.destroyed ? undefined : reject(error)));
      sent.end();
    });
    assert.match(headers['content-type'] ?? '', /^text\/event-stream/);
    assert.equal(headers['content-encoding'], undefined);
    assert.equal(headers['content-length'], undefined);
    assert.match(first, /^event: ready\n/);
  });
});

describe('the coding the request accepts', () => {
  it('is brotli or gzip by q-value, brotli on a tie, none when refused or not asked', () => {
    assert.equal(preferredCoding(undefined), undefined);
    assert.equal(preferredCoding(''), undefined);
    assert.equal(preferredCoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(preferredCoding('gzip, deflate'), 'gzip');
    assert.equal(preferredCoding('BR;Q=1.0, GZIP'), 'br');
    assert.equal(preferredCoding('br;q=0.2, gzip;q=0.8'), 'gzip');
    assert.equal(preferredCoding('x-gzip'), 'gzip');
    assert.equal(preferredCoding('identity'), undefined);
    assert.equal(preferredCoding('identity;q=1, *;q=0'), undefined);
    assert.equal(preferredCoding('gzip;q=0, br;q=0'), undefined);
    assert.equal(preferredCoding('br;q=0.000'), undefined);
    assert.equal(preferredCoding('br;q=2, gzip;q=abc'), undefined, 'a q-value out of the grammar refuses the coding');
    assert.equal(preferredCoding(' gzip ; q=0.3 , br ; q=0.3 '), 'br');
  });
});
