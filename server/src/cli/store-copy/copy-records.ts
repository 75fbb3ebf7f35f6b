import { withoutPassword } from '../../adapters/store/open-store.ts';
import { migrate } from '../../adapters/store/postgres/migrate.ts';
import { insertMany } from '../../adapters/store/postgres/bulk-insert.ts';
import { inTransaction, type SqlPool, type SqlQueryable } from '../../adapters/store/postgres/sql.ts';
import type { Progress } from '../command.ts';
import { StoreCopyError, type CopyPlan } from './plan.ts';

const PROGRESS_EVERY_MS = 1_000;

export interface CopiedCount {
  label: string;
  /** Records the embedded store has of this kind (that the plan copies). */
  expected: number;
  /** Rows the database holds after the copy, counted inside the transaction. */
  copied: number;
  leftOut?: string;
}

/**
 * Refuses a database that already has users (before writing anything, even the schema), then
 * brings its schema to the newest version. Returns how many migrations ran.
 */
export async function prepareTarget(pool: SqlPool, url: string): Promise<number> {
  let users: number;
  try {
    users = await countUsers(pool);
  } catch (error) {
    throw new StoreCopyError(`Cannot use the database at ${withoutPassword(url)}: ${reasonOf(error)}. Nothing was copied.`);
  }
  if (users > 0) throw alreadyHasUsers(url, users);
  return migrate(pool);
}

/** 0 when the schema is not there yet. */
async function countUsers(db: SqlQueryable): Promise<number> {
  const { rows } = await db.query<{ present: string | null }>("SELECT to_regclass('users')::text AS present");
  if (!rows[0]?.present) return 0;
  const counted = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM users');
  return Number(counted.rows[0]?.n ?? 0);
}

function alreadyHasUsers(url: string, users: number): StoreCopyError {
  return new StoreCopyError(
    `The database at ${withoutPassword(url)} already has ${users} user${users === 1 ? '' : 's'}: store copy only fills an empty database, ` +
      'so that nothing there is overwritten or mixed with the copy. Nothing was written. Give the address of a new, empty database.',
  );
}

/**
 * Writes every planned record in ONE transaction, parents first, keeping ids and write
 * sequences, then counts each table inside the same transaction: it commits only when every
 * count matches, so the database ends with all of the store or none of it.
 */
export async function copyRecords(pool: SqlPool, url: string, plan: CopyPlan, progress: Progress): Promise<CopiedCount[]> {
  return inTransaction(pool, async (connection) => {
    // A server already running on this database could add a user between the check and the copy.
    await connection.query('LOCK TABLE users IN EXCLUSIVE MODE');
    const users = await countUsers(connection);
    if (users > 0) throw alreadyHasUsers(url, users);

    let written = 0;
    let reportedAt = Date.now();
    for (const { label, table, records } of plan.tables) {
      try {
        await insertMany(connection, table, records, {
          seqOf: (record) => record.seq,
          onBatch: (done) => {
            if (Date.now() - reportedAt < PROGRESS_EVERY_MS) return;
            reportedAt = Date.now();
            progress(`  records: ${written + done}/${plan.total} (${label} ${done}/${records.length})`);
          },
        });
      } catch (error) {
        throw recordsDoNotFit(label, error);
      }
      written += records.length;
    }
    progress(`  records: ${written}/${plan.total} written; counting`);

    const counts = await countTables(connection, plan);
    const wrong = counts.filter((count) => count.copied !== count.expected);
    if (wrong.length > 0) {
      throw new StoreCopyError(
        `The database counted other numbers than the store holds, so nothing was committed:\n${wrong.map((count) => `  ${count.label} ${count.expected} → ${count.copied} ✗`).join('\n')}`,
      );
    }
    return counts;
  });
}

async function countTables(db: SqlQueryable, plan: CopyPlan): Promise<CopiedCount[]> {
  const count = async (sql: string) => Number((await db.query<{ n: string | number }>(sql)).rows[0]?.n ?? 0);
  const counts: CopiedCount[] = [];
  for (const { label, table, records, leftOut } of plan.tables) {
    counts.push({ label, expected: records.length, copied: await count(`SELECT count(*) AS n FROM ${table.name}`), ...(leftOut ? { leftOut } : {}) });
    if (table.name === 'users') {
      counts.push({ label: 'consent records', expected: plan.consents, copied: await count('SELECT count(*) AS n FROM users WHERE consent_at IS NOT NULL'), leftOut: 'inside the users' });
    }
  }
  return counts;
}

/** A rule of the schema the embedded store never checked (a reference to a deleted record, …). */
function recordsDoNotFit(label: string, error: unknown): unknown {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (!code || !/^2[23]/.test(code)) return error; // not about the data: let it through as it is
  // The rule's name, not PostgreSQL's detail: that quotes the refused values (a phone, a name).
  return new StoreCopyError(
    `Cannot copy the ${label}: ${reasonOf(error)}${constraint ? ` (rule ${constraint})` : ''}. ` +
      'The database refused records that the embedded store held; nothing was written. Correct them in the store file (keep a backup) and run the copy again.',
  );
}

function reasonOf(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  return message || code || String(error);
}
