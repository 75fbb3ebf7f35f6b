import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError, type Store, type StoreRepositories } from '../../../ports/store.ts';
import { autoCommitting } from '../auto-commit.ts';
import { postgresRepositories } from './repositories.ts';
import { isRetryable, translateError } from './errors.ts';
import { migrate } from './migrate.ts';
import { inTransaction, type SqlPool } from './sql.ts';

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
    } = autoCommitting(postgresRepositories(pool), (work) => this.transaction(work)));
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

  private attempt<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (connection) => work(postgresRepositories(connection)), 'BEGIN ISOLATION LEVEL SERIALIZABLE');
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
