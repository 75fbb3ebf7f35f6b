import { fileURLToPath } from 'node:url';
import Postgrator from 'postgrator';
import type { SqlPool } from './sql.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations/*.sql', import.meta.url));
/** Any fixed number: instances starting together take turns on it (pg_advisory_xact_lock). */
const MIGRATION_LOCK = 7_301_942;

/**
 * Brings the schema to the newest version with postgrator (files `NNN.do.name.sql`, the applied
 * versions kept in `oz_schema_version`). All of it runs in one transaction under an advisory
 * lock: several instances starting at once migrate once, and a failed migration leaves nothing.
 */
export async function migrate(pool: SqlPool): Promise<number> {
  const connection = await pool.connect();
  let broken = false;
  try {
    await connection.query('BEGIN');
    await connection.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const postgrator = new Postgrator({
      migrationPattern: MIGRATIONS,
      driver: 'pg',
      schemaTable: 'oz_schema_version',
      execQuery: (sql) => connection.query(sql),
    });
    const applied = await postgrator.migrate();
    await connection.query('COMMIT');
    return applied.length;
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    connection.release(broken);
  }
}
