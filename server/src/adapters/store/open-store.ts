import type { Config } from '../../config.ts';
import type { Store } from '../../ports/store.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { pgPool } from './postgres/sql.ts';

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `Cannot open the PostgreSQL store at DATABASE_URL=${withoutPassword(url)}: ${cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)}. ` +
        'Check that the database runs and accepts this user, or unset DATABASE_URL to use the embedded store.',
    );
    this.name = 'DatabaseUnreachableError';
  }
}

/** The address as an operator may see it in a log: never its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    // node-postgres also takes the password (and the client key's) as query parameters.
    for (const name of ['password', 'sslpassword']) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, '***');
    return parsed.toString();
  } catch {
    return '(not a valid address)';
  }
}

/** PostgreSQL when DATABASE_URL is set (migrated at open), else the lowdb file in OZ_DATA_DIR. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'databasePoolMax' | 'dataDir'>): Promise<Store> {
  if (!config.databaseUrl) return openLowdbStore(config.dataDir);
  let lastReported = 0;
  const pool = pgPool({
    connectionString: config.databaseUrl,
    max: config.databasePoolMax,
    // Idle connections that broke (the database restarted) are dropped by the pool; one line per outage is enough.
    onIdleError: (error) => {
      if (Date.now() - lastReported < 10_000) return;
      lastReported = Date.now();
      console.error(JSON.stringify({ at: new Date().toISOString(), error: `database connection lost: ${error.message}` }));
    },
  });
  try {
    return await openPostgresStore(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(config.databaseUrl, error);
  }
}
