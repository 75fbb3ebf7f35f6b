import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { SqlConnection, SqlPool } from '../../src/adapters/store/postgres/sql.ts';

/**
 * An in-process PostgreSQL (PGlite, WebAssembly) behind the adapter's pool interface, for machines
 * without a PostgreSQL server: the same SQL, migrations and constraints run. PGlite is one
 * connection, so a lent connection holds it until released, as a pool of one would.
 */
export async function pglitePool(): Promise<SqlPool> {
  const db = await PGlite.create({ extensions: { btree_gist } });
  let tail: Promise<void> = Promise.resolve();

  const query: SqlPool['query'] = async (text, params = []) => {
    if (params.length === 0 && text.includes(';')) {
      // Migration scripts hold several statements: the simple protocol runs them together.
      const results = await db.exec(text);
      const last = results.at(-1);
      return { rows: (last?.rows ?? []) as never[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
    }
    const result = await db.query(text, params);
    return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
  };

  const connect = async (): Promise<SqlConnection> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = tail;
    tail = before.then(() => held);
    await before;
    return { query, release: () => release() };
  };

  return {
    query: async (text, params) => {
      const connection = await connect();
      try {
        return await connection.query(text, params);
      } finally {
        connection.release();
      }
    },
    connect,
    end: async () => {
      if (!db.closed) await db.close();
    },
  };
}
