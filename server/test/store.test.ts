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
