import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDataDir } from '../../adapters/store/data-dir-lock.ts';
import { DurableJsonFile, StoreCorruptError } from '../../adapters/store/durable-json-file.ts';
import { STORE_FILE_NAME } from '../../adapters/store/lowdb-store.ts';
import { SCHEMA_VERSION, upgradeData, type StoreData } from '../../adapters/store/lowdb-repositories.ts';
import { StoreCopyError } from './plan.ts';

export interface LowdbSnapshot {
  file: string;
  data: StoreData;
  /** Gives the data directory back; until then no server can open the embedded store. */
  release(): Promise<void>;
}

/**
 * Reads the embedded store's file whole while holding the data directory's lock, as a server
 * would: a running server makes this fail with DataDirLockedError ("stop it first"), and none can
 * start and write behind the copy until `release`. The file itself is only read, never changed.
 */
export async function readLockedLowdbStore(dataDir: string): Promise<LowdbSnapshot> {
  const file = join(dataDir, STORE_FILE_NAME);
  const missing = () =>
    new StoreCopyError(`There is no embedded store in ${dataDir} (no ${STORE_FILE_NAME}), so nothing to copy. Set OZ_DATA_DIR to the data directory of the deployment to move.`);
  try {
    await access(file);
  } catch {
    throw missing();
  }
  const release = await lockDataDir(dataDir);
  try {
    const raw = await new DurableJsonFile<StoreData>(file).read();
    if (raw === null) throw missing();
    checkShape(raw, file);
    // Files of older versions get their write sequence here, in memory, as the server would.
    return { file, data: upgradeData(raw), release };
  } catch (error) {
    await release();
    throw error;
  }
}

function checkShape(data: unknown, file: string): asserts data is StoreData {
  const shaped = typeof data === 'object' && data !== null && Array.isArray((data as StoreData).users) && Array.isArray((data as StoreData).tokens);
  if (!shaped) throw new StoreCorruptError(file, new Error('missing users or tokens'));
  const version = (data as StoreData).schemaVersion;
  if (version > SCHEMA_VERSION) throw new StoreCorruptError(file, new Error(`schema version ${version} is newer than this version understands`));
}
