import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '../src/adapters/store/lowdb-store.ts';
import { openPostgresStore } from '../src/adapters/store/postgres/postgres-store.ts';
import { describeStoreContract } from './store/store-contract.ts';
import { freshDatabase, reachableServer } from './store/test-databases.ts';

describeStoreContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'oz-store-contract-'));
  const store = await openLowdbStore(dir);
  return { store, close: async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  } };
});

// A PostgreSQL server when one answers (CI's machines have one); PGlite in-process otherwise.
const kind = (await reachableServer()) ? 'PostgreSQL' : 'PostgreSQL (PGlite, in-process)';
describeStoreContract(kind, async () => {
  const database = await freshDatabase();
  const store = await openPostgresStore(database.pool);
  return { store, close: async () => {
    await store.close().catch(() => undefined);
    await database.drop();
  } };
});

describe(`the audit trail in ${kind}`, () => {
  it('refuses to change or delete an entry, whoever asks (a trigger, not only the port)', async () => {
    const database = await freshDatabase();
    const store = await openPostgresStore(database.pool);
    try {
      await database.pool.query(`INSERT INTO audit (id, at, actor_id, actor_role, action, subject_type, subject_id, patient_id) VALUES ('a1', now(), 'd', 'doctor', 'read', 'document', 'x', 'p')`);
      await assert.rejects(database.pool.query(`UPDATE audit SET actor_id = 'someone else'`), /append-only/);
      await assert.rejects(database.pool.query(`DELETE FROM audit`), /append-only/);
      await assert.rejects(database.pool.query(`TRUNCATE audit`), /append-only/);
      assert.equal((await database.pool.query<{ actor_id: string }>('SELECT actor_id FROM audit')).rows[0]?.actor_id, 'd');
    } finally {
      await store.close().catch(() => undefined);
      await database.drop();
    }
  });
});
