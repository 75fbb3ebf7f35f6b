import { recordToRow, type Table } from './rows.ts';
import type { SqlQueryable } from './sql.ts';

/** Rows per statement: well under PostgreSQL's 65,535 parameters for the widest table (16 columns). */
export const BULK_BATCH_SIZE = 500;

export interface InsertManyOptions<R> {
  batchSize?: number;
  /**
   * The record's write sequence in the store it comes from. Kept as is, so records written in the
   * same millisecond keep their order and page cursors issued before a move stay valid.
   */
  seqOf?: (record: R) => number;
  /** Called after each statement with the number of records written so far. */
  onBatch?: (written: number) => void;
}

/**
 * Writes many whole records of one table with multi-row INSERTs, through the same table
 * definitions as the adapter. Not part of the Store port: it is for moving a store (the CLI),
 * and lets the driver's errors through untranslated so the caller can name the record at fault.
 */
export async function insertMany<R>(db: SqlQueryable, table: Table<R>, records: readonly R[], options: InsertManyOptions<R> = {}): Promise<number> {
  const batchSize = options.batchSize ?? BULK_BATCH_SIZE;
  let written = 0;
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize);
    const rows = batch.map((record) => {
      const row = recordToRow(table, record);
      if (options.seqOf) {
        row.columns.push('seq');
        row.values.push(options.seqOf(record));
      }
      return row;
    });
    const columns = rows[0]!.columns;
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      // A record missing a field the others have would shift every value after it.
      if (row.columns.join() !== columns.join()) throw new Error(`${table.name}: a record has columns (${row.columns.join(', ')}) instead of (${columns.join(', ')})`);
      const first = params.length;
      params.push(...row.values);
      return `(${row.values.map((_, i) => `$${first + i + 1}`).join(', ')})`;
    });
    await db.query(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    written += batch.length;
    options.onBatch?.(written);
  }
  if (options.seqOf && records.length > 0) await continueSequenceAfterRows(db, table);
  return written;
}

/** After rows were written with their own `seq`, the next ordinary insert must come after all of them. */
async function continueSequenceAfterRows<R>(db: SqlQueryable, table: Table<R>): Promise<void> {
  await db.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'seq'), max(seq)) FROM ${table.name} HAVING max(seq) IS NOT NULL`);
}
