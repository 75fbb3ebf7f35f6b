import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Store, StoreRepositories } from '../../ports/store.ts';
import { Mutex } from '../../lib/mutex.ts';
import { DurableJsonFile, StoreCorruptError } from './durable-json-file.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { emptyData, lowdbRepositories, SCHEMA_VERSION, upgradeData, type StoreData } from './lowdb-repositories.ts';
import { autoCommitting } from './auto-commit.ts';

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
    checkShape(db.data, file);
    // Collections added by newer versions start empty; older records get their write sequence.
    db.data = upgradeData(db.data);
    await db.write();
    return new LowdbStore(db, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

function checkShape(data: unknown, file: string): void {
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

class LowdbStore implements Store {
  readonly name = 'lowdb';
  private readonly mutex = new Mutex();
  private readonly raw: StoreRepositories;
  readonly users: Store['users'];
  readonly tokens: Store['tokens'];
  readonly documents: Store['documents'];
  readonly applications: Store['applications'];
  readonly consultations: Store['consultations'];
  readonly conclusions: Store['conclusions'];
  readonly notifications: Store['notifications'];
  readonly dutySlots: Store['dutySlots'];
  readonly messages: Store['messages'];

  constructor(
    private readonly db: Low<StoreData>,
    private readonly unlock: () => Promise<void>,
  ) {
    // Reads go straight to memory.
    this.raw = lowdbRepositories(() => this.db.data);
    ({
      users: this.users,
      tokens: this.tokens,
      documents: this.documents,
      applications: this.applications,
      consultations: this.consultations,
      conclusions: this.conclusions,
      notifications: this.notifications,
      dutySlots: this.dutySlots,
      messages: this.messages,
    } = autoCommitting(this.raw, (work) => this.transaction(work)));
  }

  transaction<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      try {
        const result = await work(this.raw);
        await this.db.write();
        return result;
      } catch (error) {
        await this.db.read(); // back to the last committed state
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => undefined);
    await this.unlock();
  }
}
