import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { spawn } from 'node:child_process';
import { createLogger, flushLog, lineWriter } from '../src/lib/logger.ts';
import { startTestServer } from './helpers.ts';
import { requestLog } from '../src/http/request-log.ts';

describe('the log', () => {
  it('writes to stdout asynchronously by default', () => {
    const stream = (createLogger('info') as unknown as Record<symbol, { fd: number; sync: boolean }>)[pino.symbols.streamSym]!;
    assert.equal(stream.fd, 1);
    assert.equal(stream.sync, false, 'a request must not wait for its log line');
  });

  it('has every line out after flushLog', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oz-log-'));
    try {
      const file = join(dir, 'out.log');
      const destination = pino.destination({ dest: file, sync: false });
      await new Promise((resolve) => destination.once('ready', resolve));
      const logger = createLogger('info', destination);
      for (let index = 0; index < 100; index += 1) logger.info({ requestId: String(index), method: 'GET', route: '/api/v1/centers', status: 200, ms: 1 });
      await flushLog(logger);
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      assert.equal(lines.length, 100);
      assert.deepEqual(JSON.parse(lines[99]!), { ...JSON.parse(lines[99]!), level: 'info', requestId: '99', route: '/api/v1/centers' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes each request\'s line as pino writes the same fields, and only those', async () => {
    const writes: string[] = [];
    const logger = createLogger('info', { write: (text: string) => writes.push(text) });
    const server = await startTestServer({ OZ_LOG_LEVEL: 'info' }, { logger });
    try {
      assert.equal((await server.request('/api/v1/centers?secret=query', { headers: { 'X-Request-Id': 'proxy-id-1' } })).status, 200);
      assert.equal((await server.request('/api/v1/consultations', { headers: { Authorization: 'Bearer not-a-real-token-0123456789' } })).status, 401);
      assert.equal((await server.request('/api/v1/nowhere', { method: 'DELETE' })).status, 404);
    } finally {
      await server.close();
    }
    await flushLog(logger);
    const lines = writes.join('').split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 3);
    const byPino: string[] = [];
    const pinoLogger = createLogger('info', { write: (text: string) => byPino.push(text) });
    for (const line of lines) {
      const fields = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(fields), ['level', 'at', 'requestId', 'method', 'route', 'status', 'ms']);
      assert.match(String(fields.at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const { level: _level, at, ...rest } = fields;
      pinoLogger.info(rest);
      assert.equal(line, byPino.at(-1)!.trimEnd().replace(/"at":"[^"]*"/, `"at":"${String(at)}"`));
    }
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as Record<string, unknown>).map(({ requestId, method, route, status }) => [requestId, method, route, status]),
      [
        ['proxy-id-1', 'GET', '/api/v1/centers', 200],
        [JSON.parse(lines[1]!).requestId, 'GET', '/api/v1/consultations', 401],
        [JSON.parse(lines[2]!).requestId, 'DELETE', '/*', 404],
      ],
    );
    assert.ok(!writes.join('').includes('secret') && !writes.join('').includes('not-a-real-token'), 'no query string, no token');
  });

  it('writes request lines in blocks, a quiet server\'s within half a second, and the rest at exit', async () => {
    const writes: string[] = [];
    const logger = createLogger('info', { write: (text: string) => writes.push(text) });
    const write = lineWriter(logger);
    const count = 2_000;
    for (let index = 0; index < count; index += 1) write(`{"n":${index},"pad":"${'x'.repeat(80)}"}\n`);
    assert.ok(writes.length >= 1 && writes.length < 10, `blocks, not a write per line (${writes.length})`);
    const before = writes.join('').split('\n').length - 1;
    assert.ok(before < count, 'the last partial block waits');
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(writes.join('').split('\n').length - 1, count, 'a quiet server\'s lines go out by themselves');

    const dir = await mkdtemp(join(tmpdir(), 'oz-log-exit-'));
    try {
      const file = join(dir, 'out.log');
      const script = `import pino from 'pino';
        import { createLogger, lineWriter } from ${JSON.stringify(new URL('../src/lib/logger.ts', import.meta.url).href)};
        const destination = pino.destination({ dest: ${JSON.stringify(file)}, sync: false, minLength: 8192 });
        destination.once('ready', () => { lineWriter(createLogger('info', destination))('{"last":true}\\n'); });`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'inherit' });
      assert.equal(await new Promise((resolve) => child.once('exit', resolve)), 0);
      assert.equal(await readFile(file, 'utf8'), '{"last":true}\n', 'written when the process ended');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes pino\'s lines and the request lines whole to stdout, and what is left at exit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oz-log-stdout-'));
    try {
      const file = join(dir, 'out.log');
      // The child's stdout is a file, as a process manager keeps it; it exits without flushing.
      const script = `import { createLogger, lineWriter } from ${JSON.stringify(new URL('../src/lib/logger.ts', import.meta.url).href)};
        const logger = createLogger('info');
        const write = lineWriter(logger);
        logger.warn({ kind: 'first' }, 'от pino');
        for (let n = 0; n < 3000; n += 1) write('{"n":' + n + ',"pad":"' + 'я'.repeat(40) + '"}\\n');
        logger.error({ kind: 'last' }, 'конец');`;
      const { openSync, closeSync } = await import('node:fs');
      const out = openSync(file, 'w');
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', out, 'inherit'] });
      assert.equal(await new Promise((resolve) => child.once('exit', resolve)), 0);
      closeSync(out);
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.equal(lines.length, 3002, 'every line, each whole JSON');
      assert.deepEqual(lines.filter((line) => line.kind).map((line) => [line.kind, line.msg]), [['first', 'от pino'], ['last', 'конец']]);
      assert.deepEqual(lines.filter((line) => line.n !== undefined).map((line) => line.n), Array.from({ length: 3000 }, (_, n) => n));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes a line in place whole: the longest request id, a duration of many digits, one block after another', async () => {
    const writes: string[] = [];
    const logger = createLogger('info', { write: (text: string) => writes.push(text) });
    const log = requestLog(logger);
    const longestId = 'x'.repeat(254) + '=';
    const middle = log.middle('POST', '/api/v1/consultations/:id/messages', 201);
    const started = log.start() - 12_345;
    // Enough lines for several 64 kB blocks: none cut at a block's end.
    for (let index = 0; index < 1_000; index += 1) log.lineWith(index === 999 ? longestId : `id-${index}`, middle, started);
    await flushLog(logger);
    const lines = writes.join('').split('\n');
    assert.equal(lines.pop(), '', 'the last line ends too');
    assert.equal(lines.length, 1_000);
    assert.ok(writes.length > 2, 'in several blocks');
    const last = JSON.parse(lines[999]!) as Record<string, unknown>;
    assert.deepEqual({ ...last, at: undefined, ms: undefined }, { level: 'info', at: undefined, requestId: longestId, method: 'POST', route: '/api/v1/consultations/:id/messages', status: 201, ms: undefined });
    assert.ok((last.ms as number) >= 12_345 && (last.ms as number) < 60_000, String(last.ms));
    assert.deepEqual(lines.slice(0, 999).map((line) => (JSON.parse(line) as { requestId: string }).requestId), Array.from({ length: 999 }, (_, index) => `id-${index}`));
  });

  it('turns the request lines on and off as the logger\'s level changes at run time', async () => {
    const writes: string[] = [];
    const logger = createLogger('silent', { write: (text: string) => writes.push(text) });
    const server = await startTestServer({ OZ_LOG_LEVEL: 'silent' }, { logger });
    /** /centers is answered by the cached-read lane, /nowhere by Hono. */
    const ask = async (id: string) => {
      assert.equal((await server.request('/api/v1/centers', { headers: { 'X-Request-Id': `${id}-lane` } })).status, 200);
      assert.equal((await server.request('/api/v1/nowhere', { headers: { 'X-Request-Id': `${id}-hono` } })).status, 404);
    };
    try {
      await ask('quiet');
      logger.level = 'info';
      await ask('logged');
      logger.level = 'warn';
      await ask('quiet-again');
    } finally {
      await server.close();
    }
    await flushLog(logger);
    const ids = writes.join('').split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as { requestId: string }).requestId);
    assert.deepEqual(ids, ['logged-lane', 'logged-hono']);
  });

  it('logs no requests below level info', async () => {
    for (const level of ['error', 'silent'] as const) {
      const lines: string[] = [];
      const server = await startTestServer({ OZ_LOG_LEVEL: level }, { logger: createLogger(level, { write: (line: string) => lines.push(line) }) });
      try {
        assert.equal((await server.request('/api/v1/centers')).status, 200);
      } finally {
        await server.close();
      }
      assert.deepEqual(lines, [], level);
    }
  });
});
