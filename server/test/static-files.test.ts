import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { DOCUMENT_ONLY_HEADERS, SECURE_HEADERS } from '../src/http/secure-headers.ts';
import { STATIC_DIRS } from '../src/paths.ts';
import { startTestServer, type TestServer } from './helpers.ts';

describe('the bundle and the sample pages', () => {
  let server: TestServer;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  const bundle = `export const answer = ${'42 + '.repeat(2000)}0;\n`;
  const page = `<!doctype html><title>Портал</title>${'<p>Бесплатные онлайн-консультации</p>'.repeat(100)}`;
  const chunk = `export const words = ${JSON.stringify('Заявка на онлайн-консультацию '.repeat(200))};\n`;
  const manifest = `${JSON.stringify({ schemaVersion: '1.0.0', modules: [{ kind: 'javascript-module', path: 'src/elements/oz-apply/oz-apply.ts', declarations: [{ kind: 'class', name: 'OzApply', tagName: 'oz-apply', summary: 'Заявка '.repeat(200) }] }] }, null, 2)}\n`;
  before(async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'oz-static-'));
    await mkdir(join(dir, 'widgets'));
    await mkdir(join(dir, 'examples'));
    await writeFile(join(dir, 'widgets', 'oz.js'), bundle);
    await writeFile(join(dir, 'widgets', 'video-AbCdEf12.js'), 'export {};\n');
    // As the build leaves them (scripts/vite-precompress.ts): each chunk also brotli- and gzip-compressed.
    await writeFile(join(dir, 'widgets', 'apply-Zx12_-9q.js'), chunk);
    await writeFile(join(dir, 'widgets', 'apply-Zx12_-9q.js.br'), brotliCompressSync(chunk));
    await writeFile(join(dir, 'widgets', 'apply-Zx12_-9q.js.gz'), gzipSync(chunk));
    await writeFile(join(dir, 'widgets', 'custom-elements.json'), manifest);
    await writeFile(join(dir, 'examples', 'index.html'), '<!doctype html><title>samples</title>');
    await writeFile(join(dir, 'examples', 'portal.html'), page);
    app = createApp({ config: server.config, services: server.services, staticDirs: { widgets: join(dir, 'widgets'), examples: join(dir, 'examples') } });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves oz.js as a module script any site may load, compressed, briefly cached', async () => {
    const response = await app.request('/widgets/oz.js', { headers: { Origin: 'https://any-portal.example.ru', 'Accept-Encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /javascript/);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
    assert.equal(response.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=300');
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await response.arrayBuffer())).toString(), bundle);
  });

  it('caches content-hashed chunks for a year', async () => {
    const response = await app.request('/widgets/video-AbCdEf12.js');
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
  });

  it('sends the files the build compressed: brotli to browsers that take it, else gzip, else plain', async () => {
    const brotli = await app.request('/widgets/apply-Zx12_-9q.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(brotli.status, 200);
    assert.equal(brotli.headers.get('Content-Encoding'), 'br');
    assert.match(brotli.headers.get('Content-Type') ?? '', /javascript/);
    assert.match(brotli.headers.get('Vary') ?? '', /Accept-Encoding/);
    assert.equal(brotli.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString(), chunk);

    const gzip = await app.request('/widgets/apply-Zx12_-9q.js', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gzip.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString(), chunk);

    const plain = await app.request('/widgets/apply-Zx12_-9q.js');
    assert.equal(plain.headers.get('Content-Encoding'), null);
    assert.equal(await plain.text(), chunk);
  });

  it('serves custom-elements.json as JSON any site may read, compressed, briefly cached', async () => {
    const response = await app.request('/widgets/custom-elements.json', { headers: { Origin: 'https://docs.example.ru', 'Accept-Encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
    // Not the year-long cache of the hashed chunks: the manifest keeps its name across releases.
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=300');
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await response.arrayBuffer())).toString(), manifest);
  });

  it('sends the bundle only the security headers a script acts on, and pages all of them, on Node and in Hono alone', async () => {
    const http: Server = createServer(getRequestListener(app.fetch));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      for (const ask of [(path: string) => fetch(origin + path), (path: string) => app.request(path)]) {
        for (const path of ['/widgets/oz.js', '/widgets/apply-Zx12_-9q.js', '/widgets/custom-elements.json']) {
          const headers = (await ask(path)).headers;
          for (const name of DOCUMENT_ONLY_HEADERS) assert.equal(headers.get(name), null, `${path} ${name}`);
          assert.equal(headers.get('X-Content-Type-Options'), 'nosniff', path);
          assert.equal(headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin', path);
          assert.ok(headers.get('Strict-Transport-Security'), path);
          assert.equal(headers.get('Cross-Origin-Resource-Policy'), 'cross-origin', path);
        }
        for (const path of ['/portal.html', '/api/v1/centers']) {
          const headers = (await ask(path)).headers;
          for (const [name, value] of SECURE_HEADERS) assert.equal(headers.get(name), value, `${path} ${name}`);
        }
      }
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it('serves the sample pages at / and answers 404 for what is not there', async () => {
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(await index.text(), /samples/);
    assert.equal((await app.request('/widgets/missing.js')).status, 404);
    assert.equal((await app.request('/widgets/../package.json')).status, 404);
  });

  it('sends the sample pages compressed to browsers that take it', async () => {
    const response = await app.request('/portal.html', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await response.arrayBuffer())).toString(), page);
    assert.equal(await (await app.request('/portal.html')).text(), page);
  });
});

// The real build (`npm run build`; `npm test` builds after these tests, so a fresh checkout skips this).
const builtManifest = join(STATIC_DIRS.widgets, 'custom-elements.json');

describe('the built custom-elements.json', { skip: existsSync(builtManifest) ? false : `no ${builtManifest}: run npm run build` }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  it('answers GET /widgets/custom-elements.json with the manifest of every element', async () => {
    const app = createApp({ config: server.config, services: server.services, staticDirs: STATIC_DIRS });
    const response = await app.request('/widgets/custom-elements.json');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    const manifest = (await response.json()) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? []);
    for (const tag of ['oz-register', 'oz-apply', 'oz-video-room', 'oz-audit-trail', 'oz-staff', 'oz-chat']) assert.ok(tags.includes(tag), tag);
  });
});
