import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pgPool, type SqlPool } from '../../src/adapters/store/postgres/sql.ts';
import { pglitePool } from './pglite-pool.ts';

/** CI's machines run PostgreSQL here with trust auth; OZ_TEST_DATABASE_URL names another. */
const DEFAULT_SERVER = 'postgres://root@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** `postgres` (a real server) or `pglite` (in-process). */
  kind: 'postgres' | 'pglite';
  pool: SqlPool;
  /** The address of the fresh database, for a real server. */
  url: string | null;
  drop(): Promise<void>;
}

let serverAnswer: Promise<string | null> | undefined;

/** The PostgreSQL server tests may create databases on, or null when none answers (then PGlite). */
export function reachableServer(): Promise<string | null> {
  if (process.env.OZ_TEST_PGLITE === '1') return Promise.resolve(null);
  serverAnswer ??= (async () => {
    const url = process.env.OZ_TEST_DATABASE_URL || DEFAULT_SERVER;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return url;
    } catch (error) {
      if (process.env.OZ_TEST_DATABASE_URL) throw new Error(`OZ_TEST_DATABASE_URL does not answer: ${(error as Error).message}`);
      return null;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return serverAnswer;
}

/** A fresh, empty database: a new one on the server (dropped afterwards), or a new PGlite. */
export async function freshDatabase(): Promise<TestDatabase> {
  const server = await reachableServer();
  if (!server) {
    const pool = await pglitePool();
    return { kind: 'pglite', pool, url: null, drop: () => pool.end() };
  }
  const name = `oz_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pool = pgPool({ connectionString: url.toString(), max: 10, onIdleError: () => undefined });
  return {
    kind: 'postgres',
    pool,
    url: url.toString(),
    drop: async () => {
      await pool.end().catch(() => undefined);
      await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A new, empty database on the server for a whole server process (DATABASE_URL), or null without a server. */
export async function freshDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const server = await reachableServer();
  if (!server) return null;
  const name = `oz_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
