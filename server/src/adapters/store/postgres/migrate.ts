import { fileURLToPath } from 'node:url';
import Postgrator from 'postgrator';
import { inTransaction, type SqlPool } from './sql.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations/*.sql', import.meta.url));
/** Any fixed number: instances starting together take turns on it (pg_advisory_xact_lock). */
const MIGRATION_LOCK = 7_301_942;

/**
 * Brings the schema to the newest version with postgrator (files `NNN.do.name.sql`, the applied
 * versions kept in `oz_schema_version`). All of it runs in one transaction under an advisory
 * lock: several instances starting at once migrate once, and a failed migration leaves nothing.
 */
export async function migrate(pool: SqlPool): Promise<number> {
  return inTransaction(pool, async (connection) => {
    await connection.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const postgrator = new Postgrator({
      migrationPattern: MIGRATIONS,
      driver: 'pg',
      schemaTable: 'oz_schema_version',
      execQuery: (sql) => connection.query(sql),
    });
    return (await postgrator.migrate()).length;
  });
}
