import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError, type Store, type StoreRepositories } from '../../../ports/store.ts';
import { WRITE_METHODS } from '../lowdb-repositories.ts';
import { postgresRepositories } from './repositories.ts';
import { isRetryable, translateError } from './errors.ts';
import { migrate } from './migrate.ts';
import type { SqlPool } from './sql.ts';

/** Serialization conflicts are normal under SERIALIZABLE; fifty bookings of one slot need a few rounds. */
const MAX_ATTEMPTS = 12;

/**
 * The Store on PostgreSQL: each transaction runs SERIALIZABLE and is retried on a serialization
 * conflict or a deadlock, so it behaves as if it ran alone (the port's promise) on any number of
 * instances. Reads outside a transaction go straight to the pool.
 */
export async function openPostgresStore(pool: SqlPool): Promise<Store> {
  try {
    await migrate(pool);
  } catch (error) {
    throw translateError(error);
  }
  return new PostgresStore(pool);
}

class PostgresStore implements Store {
  readonly name = 'postgres';
  readonly users: Store['users'];
  readonly tokens: Store['tokens'];
  readonly documents: Store['documents'];
  readonly applications: Store['applications'];
  readonly consultations: Store['consultations'];
  readonly conclusions: Store['conclusions'];
  readonly notifications: Store['notifications'];
  readonly dutySlots: Store['dutySlots'];
  readonly messages: Store['messages'];

  constructor(private readonly pool: SqlPool) {
    const reads = postgresRepositories(pool);
    const wrap = <K extends keyof StoreRepositories>(name: K): StoreRepositories[K] => {
      const repository = reads[name] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const wrapped: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
      for (const [method, implementation] of Object.entries(repository)) {
        // A write may read and lock before it writes (update): it gets a transaction of its own.
        wrapped[method] = WRITE_METHODS.has(method)
          ? (...args) => this.transaction(async (tx) => (tx[name] as unknown as typeof repository)[method]!(...args))
          : implementation;
      }
      return wrapped as unknown as StoreRepositories[K];
    };
    this.users = wrap('users');
    this.tokens = wrap('tokens');
    this.documents = wrap('documents');
    this.applications = wrap('applications');
    this.consultations = wrap('consultations');
    this.conclusions = wrap('conclusions');
    this.notifications = wrap('notifications');
    this.dutySlots = wrap('dutySlots');
    this.messages = wrap('messages');
  }

  async transaction<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(work);
      } catch (error) {
        if (!isRetryable(error)) throw translateError(error);
        // Ran out of rounds under heavy contention: a "try again" for the user, never a 500.
        if (attempt >= MAX_ATTEMPTS) throw new StoreUnavailableError(error);
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  private async attempt<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T> {
    let connection;
    try {
      connection = await this.pool.connect();
    } catch (error) {
      throw translateError(error);
    }
    let broken = false;
    try {
      await connection.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await work(postgresRepositories(connection));
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => {
        broken = true; // the connection itself failed: do not lend it again
      });
      throw error;
    } finally {
      connection.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
