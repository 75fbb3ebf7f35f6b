import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore, STORE_FILE_NAME } from '../src/adapters/store/lowdb-store.ts';
import { StoreCorruptError } from '../src/adapters/store/durable-json-file.ts';
import { DataDirLockedError } from '../src/adapters/store/data-dir-lock.ts';
import { DuplicateKeyError, type UserRecord } from '../src/ports/store.ts';

function user(phone: string, id = phone): UserRecord {
  const at = new Date().toISOString();
  return {
    id,
    role: 'patient',
    fullName: 'Тест',
    phone,
    email: null,
    birthDate: '1950-01-01',
    centerId: null,
    isDutyDoctor: false,
    mustChangePassword: false,
    passwordHash: 'scrypt$x',
    consent: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe('lowdb store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oz-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps what was written across a restart', async () => {
    const store = await openLowdbStore(dir);
    await store.users.insert(user('+79210000001'));
    await store.users.update('+79210000001', { fullName: 'Изменено' });
    await store.close();
    const reopened = await openLowdbStore(dir);
    assert.equal((await reopened.users.findByPhone('+79210000001'))?.fullName, 'Изменено');
    await reopened.close();
  });

  it('lists newest first, and of two written in the same millisecond the later one first', async () => {
    const store = await openLowdbStore(dir);
    const at = '2026-11-27T10:00:00.000Z';
    const note = (id: string, createdAt: string) => ({ id, userId: 'u1', kind: 'application_scheduled' as const, text: id, data: {}, createdAt, readAt: null });
    await store.notifications.insert(note('older', '2026-11-27T09:00:00.000Z'));
    await store.notifications.insert(note('first', at));
    await store.notifications.insert(note('second', at));
    assert.deepEqual((await store.notifications.pageByUser('u1', { limit: 10 })).items.map((n) => n.id), ['second', 'first', 'older']);
    await store.close();
  });

  it('loses no update when many writes arrive at once', async () => {
    const store = await openLowdbStore(dir);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.users.insert(user(`+7921${String(i).padStart(7, '0')}`))));
    assert.equal(await store.users.count(), 200);
    await store.close();
    const reopened = await openLowdbStore(dir);
    assert.equal(await reopened.users.count(), 200);
    await reopened.close();
  });

  it('rolls back a failed transaction in memory and on disk', async () => {
    const store = await openLowdbStore(dir);
    await store.users.insert(user('+79210000001'));
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.users.insert(user('+79210000002'));
        await tx.users.insert(user('+79210000001', 'other')); // duplicate phone
      }),
      DuplicateKeyError,
    );
    assert.equal(await store.users.findByPhone('+79210000002'), undefined);
    assert.equal(await store.users.count(), 1);
    const onDisk = JSON.parse(await readFile(join(dir, STORE_FILE_NAME), 'utf8')) as { users: unknown[] };
    assert.equal(onDisk.users.length, 1);
    await store.close();
  });

  it('returns copies, so callers cannot change stored data by accident', async () => {
    const store = await openLowdbStore(dir);
    await store.users.insert(user('+79210000001'));
    const found = await store.users.findByPhone('+79210000001');
    found!.fullName = 'changed outside';
    assert.equal((await store.users.findByPhone('+79210000001'))?.fullName, 'Тест');
    await store.close();
  });

  it('replaces the file atomically, leaving no temporary files', async () => {
    const store = await openLowdbStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.users.insert(user(`+7922${String(i).padStart(7, '0')}`))));
    await store.close();
    assert.deepEqual((await readdir(dir)).sort(), [STORE_FILE_NAME]);
  });

  it('refuses to start on a corrupt file and never overwrites it', async () => {
    const file = join(dir, STORE_FILE_NAME);
    await writeFile(file, '{"users":[{"id":');
    await assert.rejects(openLowdbStore(dir), (error: unknown) => {
      assert.ok(error instanceof StoreCorruptError);
      assert.match(error.message, /not valid JSON/);
      assert.match(error.message, /untouched/);
      return true;
    });
    assert.equal(await readFile(file, 'utf8'), '{"users":[{"id":');
    await writeFile(file, '{"something":"else"}');
    await assert.rejects(openLowdbStore(dir), StoreCorruptError);
    assert.equal(await readFile(file, 'utf8'), '{"something":"else"}');
  });

  it('allows one process at a time and takes over a stale lock', async () => {
    const store = await openLowdbStore(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      import('${new URL('../src/adapters/store/lowdb-store.ts', import.meta.url).href}')
        .then((m) => m.openLowdbStore(${JSON.stringify(dir)}))
        .then(() => { console.log('opened'); process.exit(0); }, (e) => { console.log(e.name); process.exit(3); });
    `]);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 3);
    assert.match(output, new RegExp(DataDirLockedError.name));
    await store.close();

    await writeFile(join(dir, 'oz.lock'), '999999999'); // a process that does not exist
    const again = await openLowdbStore(dir);
    await again.close();
  });

  it('purges expired and revoked tokens', async () => {
    const store = await openLowdbStore(dir);
    const base = { userId: 'u', createdAt: '2026-01-01T00:00:00.000Z' };
    await store.tokens.insert({ ...base, id: 'live', tokenHash: 'a', expiresAt: '2030-01-01T00:00:00.000Z', revokedAt: null });
    await store.tokens.insert({ ...base, id: 'expired', tokenHash: 'b', expiresAt: '2026-01-02T00:00:00.000Z', revokedAt: null });
    await store.tokens.insert({ ...base, id: 'revoked', tokenHash: 'c', expiresAt: '2030-01-01T00:00:00.000Z', revokedAt: '2026-01-01T00:00:00.000Z' });
    assert.equal(await store.tokens.purge('2026-06-01T00:00:00.000Z'), 2);
    assert.ok(await store.tokens.findByHash('a'));
    assert.equal(await store.tokens.findByHash('b'), undefined);
    await store.close();
  });

  it('finds users by id and tokens by hash as they are after every commit, rollback and purge, and during a transaction', async () => {
    const store = await openLowdbStore(dir);
    const token = (id: string, tokenHash: string) => ({ id, tokenHash, userId: 'u1', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2030-01-01T00:00:00.000Z', revokedAt: null });
    await store.users.insert(user('+79210000001', 'u1'));
    await store.tokens.insert(token('t1', 'hash-1'));
    assert.equal((await store.users.findById('u1'))?.phone, '+79210000001');
    assert.equal((await store.tokens.findByHash('hash-1'))?.id, 't1');
    // Looked up once (the index made), then changed: the change shows.
    await store.users.update('u1', { fullName: 'Другое имя' });
    await store.tokens.revoke('t1', '2026-02-01T00:00:00.000Z');
    assert.equal((await store.users.findById('u1'))?.fullName, 'Другое имя');
    assert.equal((await store.tokens.findByHash('hash-1'))?.revokedAt, '2026-02-01T00:00:00.000Z');
    // Inserted after the index was made.
    await store.users.insert(user('+79210000002', 'u2'));
    await store.tokens.insert(token('t2', 'hash-2'));
    assert.equal((await store.users.findById('u2'))?.phone, '+79210000002');
    assert.equal((await store.tokens.findByHash('hash-2'))?.id, 't2');
    // Inside a transaction its own inserts are found; after a rollback they are gone.
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.tokens.insert(token('t3', 'hash-3'));
        await tx.users.insert(user('+79210000003', 'u3'));
        assert.equal((await tx.tokens.findByHash('hash-3'))?.id, 't3');
        assert.equal((await store.users.findById('u3'))?.id, 'u3', 'a read outside sees the memory as it is');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal(await store.tokens.findByHash('hash-3'), undefined);
    assert.equal(await store.users.findById('u3'), undefined);
    // Purged: the array is replaced.
    assert.equal(await store.tokens.purge('2026-06-01T00:00:00.000Z'), 1);
    assert.equal(await store.tokens.findByHash('hash-1'), undefined);
    assert.equal((await store.tokens.findByHash('hash-2'))?.id, 't2');
    // Copies, as every other read.
    const found = await store.users.findById('u2');
    found!.fullName = 'changed outside';
    assert.equal((await store.users.findById('u2'))?.fullName, 'Тест');
    await store.close();
  });
});
