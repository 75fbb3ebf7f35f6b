import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, UsageError } from '../src/cli/main.ts';
import { openLowdbStore } from '../src/adapters/store/lowdb-store.ts';
import { verifyPassword } from '../src/services/passwords.ts';
import { startTestServer } from './helpers.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';

describe('CLI: staff add', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oz-cli-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const env = () => ({ OZ_DATA_DIR: dir });

  it('adds a duty doctor of a center who can sign in', async () => {
    const output = await runCli(
      ['staff', 'add', '--role', 'doctor', '--center', 'kulakov', '--duty', '--phone', '8 (921) 100-20-30', '--password', 'doctor secret', '--name', 'Сидорова Е. А.'],
      env(),
    );
    assert.match(output, /Added doctor Сидорова Е\. А\. at kulakov \(duty doctor\); signs in with \+79211002030/);
    const store = await openLowdbStore(dir);
    const doctor = await store.users.findByPhone('+79211002030');
    await store.close();
    assert.equal(doctor?.role, 'doctor');
    assert.equal(doctor?.centerId, 'kulakov');
    assert.equal(doctor?.isDutyDoctor, true);
    assert.ok(await verifyPassword('doctor secret', doctor!.passwordHash));
  });

  it('explains bad arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['staff', 'add', '--role', 'doctor', '--phone', '+79211002030', '--password', 'doctor secret', '--name', 'X'], /needs --center/],
      [['staff', 'add', '--role', 'nurse', '--phone', '123', '--name', 'X'], /--role must be doctor or manager[\s\S]*--phone[\s\S]*--password is required/],
      [['staff', 'add', '--role', 'manager', '--phone', '+79211002030', '--password', 'short', '--name', 'X'], /--password/],
      [['staff', 'add', '--colour', 'red'], /Unknown option '--colour'/],
      [['staff', 'remove'], /Unknown command/],
    ];
    for (const [args, message] of cases) {
      await assert.rejects(runCli(args, env()), (error: unknown) => error instanceof UsageError && message.test(error.message));
    }
  });

  it('refuses a phone that is taken', async () => {
    const args = ['staff', 'add', '--role', 'manager', '--phone', '+79211002031', '--password', 'manager secret', '--name', 'М'];
    await runCli(args, env());
    await assert.rejects(runCli(args, env()), /already exists/);
  });

  it('prints help and exits 2 on errors when run as a command', async () => {
    const run = promisify(execFile);
    const help = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'help'], { env: { ...process.env, ...env() } });
    assert.match(help.stdout, /staff add --role doctor\|manager/);
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'staff', 'add'], { env: { ...process.env, ...env() } }),
      (error: { code?: number; stderr?: string }) => error.code === 2 && /--role/.test(error.stderr ?? ''),
    );
  });

  it('says the server holds the data directory instead of writing behind it', async () => {
    const store = await openLowdbStore(dir);
    try {
      await assert.rejects(
        runCli(['staff', 'add', '--role', 'manager', '--phone', '+79211002032', '--password', 'manager secret', '--name', 'М'], env()),
        /in use by another process/,
      );
    } finally {
      await store.close();
    }
  });
});

const noDatabase = !(await reachableServer());

describe('CLI: staff add on PostgreSQL', { skip: noDatabase ? 'no PostgreSQL server answers at 127.0.0.1:5432 (set OZ_TEST_DATABASE_URL)' : false }, () => {
  it('adds an account while a server runs on the same database, without the data directory\'s lock', async () => {
    const database = (await freshDatabaseUrl())!;
    const dir = await mkdtemp(join(tmpdir(), 'oz-cli-pg-'));
    const server = await startTestServer({ DATABASE_URL: database.url });
    // Holds OZ_DATA_DIR's lock, as a server on the embedded store would: the command must not need it.
    const embedded = await openLowdbStore(dir);
    try {
      const output = await runCli(
        ['staff', 'add', '--role', 'doctor', '--center', 'bakulev', '--phone', '+79211002050', '--password', 'doctor secret', '--name', 'Петров А. И.'],
        { DATABASE_URL: database.url, OZ_DATA_DIR: dir },
      );
      assert.match(output, /Added doctor Петров А\. И\. at bakulev; signs in with \+79211002050/);
      const login = await server.request('/api/v1/auth/login', { json: { phone: '+79211002050', password: 'doctor secret' } });
      assert.equal(login.status, 200);
      const { user } = (await login.json()) as { user: { role: string; centerId: string } };
      assert.deepEqual([user.role, user.centerId], ['doctor', 'bakulev']);
      assert.equal(await embedded.users.count(), 0, 'nothing went to the embedded store');
    } finally {
      await embedded.close();
      await server.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
