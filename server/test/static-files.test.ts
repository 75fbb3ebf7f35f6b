import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../src/app.ts';
import { startTestServer, type TestServer } from './helpers.ts';

describe('the bundle and the sample pages', () => {
  let server: TestServer;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  const bundle = `export const answer = ${'42 + '.repeat(2000)}0;\n`;
  before(async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'oz-static-'));
    await mkdir(join(dir, 'widgets'));
    await mkdir(join(dir, 'examples'));
    await writeFile(join(dir, 'widgets', 'oz.js'), bundle);
    await writeFile(join(dir, 'widgets', 'video-AbCdEf12.js'), 'export {};\n');
    await writeFile(join(dir, 'examples', 'index.html'), '<!doctype html><title>samples</title>');
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

  it('serves the sample pages at / and answers 404 for what is not there', async () => {
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(await index.text(), /samples/);
    assert.equal((await app.request('/widgets/missing.js')).status, 404);
    assert.equal((await app.request('/widgets/../package.json')).status, 404);
  });
});
