import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServerEnv } from '../../scripts/test-server-env.mjs';

/** Starts the production server (`npm run start:prod`: no --demo) and returns its output once it listens or exits. */
async function startProduction(settings: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-prod-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: testServerEnv({ PORT: '0', HOST: '127.0.0.1', OZ_DATA_DIR: dataDir, ...settings }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    return await new Promise((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        if (/listening on/.test(output)) resolve({ code: null, output });
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => resolve({ code, output }));
    });
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('a production start and SMS', () => {
  it('refuses to start without an SMS gateway: codes and one-time passwords would sit in a file in plain text', async () => {
    const { code, output } = await startProduction({});
    assert.equal(code, 1);
    assert.match(output, /OZ_SMS_URL/);
    assert.match(output, /OZ_SMS_OUTBOX=1/);
    assert.doesNotMatch(output, /listening on/);
  });

  it('starts with the outbox file when OZ_SMS_OUTBOX=1 says so, and with a gateway', async () => {
    assert.match((await startProduction({ OZ_SMS_OUTBOX: '1' })).output, /listening on/);
    assert.match((await startProduction({ OZ_SMS_URL: 'https://sms.example.ru/send', OZ_SMS_TOKEN: 'x' })).output, /listening on/);
  });

  it('refuses the tests’ cheap password hashing, which only a --demo start takes', async () => {
    const { code, output } = await startProduction({ OZ_SMS_OUTBOX: '1', OZ_TEST_FAST_PASSWORD_HASHING: '1' });
    assert.equal(code, 1);
    assert.match(output, /OZ_TEST_FAST_PASSWORD_HASHING/);
    assert.doesNotMatch(output, /listening on/);
  });
});
