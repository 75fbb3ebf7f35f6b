import pg from 'pg';

/** The part of node-postgres the adapter uses: a query, and a pool that lends one connection. */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}

export interface SqlConnection extends SqlQueryable {
  /** Gives the connection back; `destroy` when it may be broken (a failed ROLLBACK). */
  release(destroy?: boolean): void;
}

export interface SqlPool extends SqlQueryable {
  connect(): Promise<SqlConnection>;
  end(): Promise<void>;
}

export interface PgPoolOptions {
  connectionString: string;
  max: number;
  /** Where a pool's idle connection that broke is reported; it must never crash the process. */
  onIdleError: (error: Error) => void;
}

/** A node-postgres pool behind the adapter's small interface. */
export function pgPool({ connectionString, max, onIdleError }: PgPoolOptions): SqlPool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'oblako-zdorovya',
  });
  pool.on('error', onIdleError);
  return {
    query: (text, params) => pool.query(text, params as unknown[]) as never,
    connect: async () => {
      const client = await pool.connect();
      return {
        query: (text, params) => client.query(text, params as unknown[]) as never,
        release: (destroy) => client.release(destroy === true),
      };
    },
    end: () => pool.end(),
  };
}

/**
 * Runs `work` in a transaction on one lent connection: COMMIT when it resolves, ROLLBACK when it
 * throws; a connection whose ROLLBACK failed is broken and destroyed instead of lent again.
 */
export async function inTransaction<T>(pool: SqlPool, work: (connection: SqlQueryable) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const connection = await pool.connect();
  let broken = false;
  try {
    await connection.query(begin);
    const result = await work(connection);
    await connection.query('COMMIT');
    return result;
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    connection.release(broken);
  }
}
