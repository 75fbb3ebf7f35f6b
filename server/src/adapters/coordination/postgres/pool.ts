import pg from 'pg';
import type { SqlPool } from '../../store/postgres/sql.ts';
import { translateError } from '../../store/postgres/errors.ts';

/**
 * A pool of its own for coordination (limits, tickets, NOTIFY, signaling seats): a burst of ICE
 * candidates never waits behind store transactions, nor the other way round. Small, because each
 * of its queries is one short statement. `allowExitOnIdle`: a command-line run that never closes
 * the ports is not kept alive by it.
 */
export function coordinationPool(connectionString: string, max: number): SqlPool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
    application_name: 'oblako-zdorovya-coordination',
  });
  // An idle connection that broke (the database restarted) is dropped by the pool; it must never crash the process.
  pool.on('error', (error) => logCoordination(`database connection lost: ${error.message}`));
  return {
    query: async (text, params) => {
      try {
        return (await pool.query(text, params as unknown[])) as never;
      } catch (error) {
        // An outage becomes StoreUnavailableError: the API answers 503 with Retry-After, as the store does.
        throw translateError(error);
      }
    },
    connect: async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translateError(error);
      }
      return {
        query: async (text, params) => {
          try {
            return (await client.query(text, params as unknown[])) as never;
          } catch (error) {
            throw translateError(error);
          }
        },
        release: (destroy) => client.release(destroy === true),
      };
    },
    end: () => pool.end(),
  };
}

/** One JSON line, as the rest of the server logs; never a payload (it may hold personal data). */
export function logCoordination(message: string): void {
  console.error(JSON.stringify({ at: new Date().toISOString(), error: `coordination: ${message}` }));
}

export { inTransaction } from '../../store/postgres/sql.ts';
