import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  DuplicateKeyError,
  RecordNotFoundError,
  type Store,
  type StoreRepositories,
  type TokenRecord,
  type UserRecord,
} from '../../ports/store.ts';
import { Mutex } from '../../lib/mutex.ts';
import { DurableJsonFile, StoreCorruptError } from './durable-json-file.ts';
import { lockDataDir } from './data-dir-lock.ts';

const SCHEMA_VERSION = 1;

interface StoreData {
  schemaVersion: number;
  users: UserRecord[];
  tokens: TokenRecord[];
}

const emptyData = (): StoreData => ({ schemaVersion: SCHEMA_VERSION, users: [], tokens: [] });

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
    const loaded = db.data;
    checkShape(loaded, file);
    db.data = { ...emptyData(), ...loaded };
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
  private readonly mutex = new Mutex();
  private readonly raw: StoreRepositories;
  readonly users: Store['users'];
  readonly tokens: Store['tokens'];

  constructor(
    private readonly db: Low<StoreData>,
    private readonly unlock: () => Promise<void>,
  ) {
    this.raw = rawRepositories(() => this.db.data);
    // Outside a transaction every single write is a transaction of its own.
    const single = <A extends unknown[], R>(pick: (tx: StoreRepositories) => (...args: A) => Promise<R>) =>
      (...args: A) => this.transaction((tx) => pick(tx)(...args));
    this.users = {
      findById: this.raw.users.findById,
      findByPhone: this.raw.users.findByPhone,
      count: this.raw.users.count,
      insert: single((tx) => tx.users.insert),
      update: single((tx) => tx.users.update),
    };
    this.tokens = {
      findByHash: this.raw.tokens.findByHash,
      insert: single((tx) => tx.tokens.insert),
      revoke: single((tx) => tx.tokens.revoke),
      revokeAllForUser: single((tx) => tx.tokens.revokeAllForUser),
      purge: single((tx) => tx.tokens.purge),
    };
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

/** Repositories working directly on the in-memory data; callers hold the mutex for writes. */
function rawRepositories(data: () => StoreData): StoreRepositories {
  const copy = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : structuredClone(value));
  return {
    users: {
      findById: async (id) => copy(data().users.find((user) => user.id === id)),
      findByPhone: async (phone) => copy(data().users.find((user) => user.phone === phone)),
      count: async () => data().users.length,
      insert: async (user) => {
        if (data().users.some((existing) => existing.phone === user.phone)) throw new DuplicateKeyError('phone');
        data().users.push(structuredClone(user));
      },
      update: async (id, changes) => {
        const user = data().users.find((candidate) => candidate.id === id);
        if (!user) throw new RecordNotFoundError('user', id);
        if (changes.phone && data().users.some((other) => other.phone === changes.phone && other.id !== id)) {
          throw new DuplicateKeyError('phone');
        }
        Object.assign(user, structuredClone(changes));
        return structuredClone(user);
      },
    },
    tokens: {
      insert: async (token) => {
        data().tokens.push(structuredClone(token));
      },
      findByHash: async (tokenHash) => copy(data().tokens.find((token) => token.tokenHash === tokenHash)),
      revoke: async (id, at) => {
        const token = data().tokens.find((candidate) => candidate.id === id);
        if (token && token.revokedAt === null) token.revokedAt = at;
      },
      revokeAllForUser: async (userId, at, keepId) => {
        let revoked = 0;
        for (const token of data().tokens) {
          if (token.userId === userId && token.id !== keepId && token.revokedAt === null) {
            token.revokedAt = at;
            revoked += 1;
          }
        }
        return revoked;
      },
      purge: async (before) => {
        const keep = data().tokens.filter((token) => token.expiresAt >= before && (token.revokedAt ?? before) >= before);
        const removed = data().tokens.length - keep.length;
        data().tokens = keep;
        return removed;
      },
    },
  };
}
