import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError, type Store } from '../../../ports/store.ts';
import { assembleStore } from '../assemble-store.ts';
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
  const transaction: Store['transaction'] = async (work) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(pool, (connection) => work(postgresRepositories(connection)), 'BEGIN ISOLATION LEVEL SERIALIZABLE');
      } catch (error) {
        if (!isRetryable(error)) throw translateError(error);
        // Ran out of rounds under heavy contention: a "try again" for the user, never a 500.
        if (attempt >= MAX_ATTEMPTS) throw new StoreUnavailableError(error);
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  };
  return assembleStore({ name: 'postgres', reads: postgresRepositories(pool), transaction, close: () => pool.end() });
}
