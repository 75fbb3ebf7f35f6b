import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Store } from '../../ports/store.ts';
import { Mutex } from '../../lib/mutex.ts';
import { DurableJsonFile, StoreCorruptError } from './durable-json-file.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { emptyData, lowdbRepositories, SCHEMA_VERSION, upgradeData, type StoreData } from './lowdb-repositories.ts';
import { assembleStore } from './assemble-store.ts';

export const STORE_FILE_NAME = 'oz-store.json';

/**
 * The embedded default Store: one JSON file in OZ_DATA_DIR held in memory by lowdb.
 * Writes go through one mutex; a failed transaction reloads the last committed file,
 * so nothing half-written survives in memory or on disk.
 */
export async function openLowdbStore(dataDir: string): Promise<Store> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const unlock = await lockDataDir(dataDir);
  try {
    const file = join(dataDir, STORE_FILE_NAME);
    const db = new Low<StoreData>(new DurableJsonFile<StoreData>(file), emptyData());
    await db.read();
    checkStoreShape(db.data, file);
    // Collections added by newer versions start empty; older records get their write sequence.
    db.data = upgradeData(db.data);
    await db.write();
    return lowdbStore(db, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** Refuses what is not a store file this version can open (also used by the backup commands). */
export function checkStoreShape(data: unknown, file: string): asserts data is StoreData {
  const shapeOk =
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as StoreData).users) &&
    Array.isArray((data as StoreData).tokens);
  if (!shapeOk) throw new StoreCorruptError(file, new Error('missing users or tokens'));
  const version = (data as StoreData).schemaVersion;
  if (version > SCHEMA_VERSION) {
    throw new StoreCorruptError(file, new Error(`schema version ${version} is newer than this server understands`));
  }
}

/** Every transaction holds the mutex; a failed one reloads the last committed file. */
function lowdbStore(db: Low<StoreData>, unlock: () => Promise<void>): Store {
  const mutex = new Mutex();
  // Which committed state the memory holds; undefined while a transaction changes it (the
  // repositories' indexes are made once per committed state).
  let committed: number | undefined = 0;
  let commits = 0;
  // Reads go straight to memory.
  const reads = lowdbRepositories(() => db.data, () => committed);
  return assembleStore({
    name: 'lowdb',
    reads,
    transaction: (work) =>
      mutex.run(async () => {
        committed = undefined;
        try {
          const result = await work(reads);
          await db.write();
          return result;
        } catch (error) {
          await db.read(); // back to the last committed state
          throw error;
        } finally {
          commits += 1;
          committed = commits;
        }
      }),
    close: async () => {
      await mutex.run(async () => undefined);
      await unlock();
    },
  });
}
