import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createLogger, flushLog } from '../src/lib/logger.ts';
import { startTestServer } from './helpers.ts';

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
