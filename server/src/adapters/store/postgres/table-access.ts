import { RecordNotFoundError, type Page, type PageRequest } from '../../../ports/store.ts';
import { decodeCursor, pageFromRows } from '../page-cursor.ts';
import { isoTime, recordToRow, rowToRecord, selectList, type Table } from './rows.ts';
import { translateError } from './errors.ts';
import type { SqlQueryable } from './sql.ts';

/** Runs one statement and speaks the port's errors (unique rules, outages). */
export async function run<Row = Record<string, unknown>>(db: SqlQueryable, text: string, params: unknown[] = []) {
  try {
    return await db.query<Row>(text, params);
  } catch (error) {
    throw translateError(error);
  }
}

/** Reads and writes of whole records of one table; the repositories add the queries of their domain. */
export function tableAccess<R>(db: SqlQueryable, table: Table<R>, entity: string, key: keyof R & string = 'id' as keyof R & string) {
  const columns = selectList(table);
  const keyColumn = table.columns.find((column) => column.field === key)!.column;
  const toRecord = (row: Record<string, unknown>) => rowToRecord(table, row);

  return {
    async insert(record: R): Promise<void> {
      const { columns: names, values } = recordToRow(table, record);
      await run(db, `INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    },

    async find(where: string, params: unknown[], orderBy = ''): Promise<R | undefined> {
      const { rows } = await run(db, `SELECT ${columns} FROM ${table.name} WHERE ${where} ${orderBy} LIMIT 1`, params);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    async findMany(where: string, params: unknown[], orderBy = ''): Promise<R[]> {
      const { rows } = await run(db, `SELECT ${columns} FROM ${table.name} WHERE ${where} ${orderBy}`, params);
      return rows.map(toRecord);
    },

    findByKey(value: string): Promise<R | undefined> {
      return this.find(`${keyColumn} = $1`, [value]);
    },

    /** The row, locked until the transaction ends. */
    async findByKeyForUpdate(value: string): Promise<R | undefined> {
      const { rows } = await run(db, `SELECT ${columns} FROM ${table.name} WHERE ${keyColumn} = $1 FOR UPDATE`, [value]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    /** Reads the row under a lock, applies the changes, writes it whole: derived columns stay right. */
    async update(value: string, changes: Partial<R>): Promise<R> {
      const current = await this.findByKeyForUpdate(value);
      if (!current) throw new RecordNotFoundError(entity, value);
      const next = { ...current, ...changes } as R;
      const { columns: names, values } = recordToRow(table, next);
      const assignments = names.map((name, i) => `${name} = $${i + 2}`).join(', ');
      await run(db, `UPDATE ${table.name} SET ${assignments} WHERE ${keyColumn} = $1`, [value, ...values]);
      return next;
    },

    async remove(where: string, params: unknown[]): Promise<number> {
      return (await run(db, `DELETE FROM ${table.name} WHERE ${where}`, params)).rowCount ?? 0;
    },

    async count(where: string, params: unknown[]): Promise<number> {
      const { rows } = await run<{ n: string | number }>(db, `SELECT count(*) AS n FROM ${table.name} WHERE ${where}`, params);
      return Number(rows[0]?.n ?? 0);
    },

    /**
     * Keyset paging on (sortColumn, seq): the index of each list starts with its filter columns
     * and ends with these two, so a page costs the same on the first day and after a year.
     */
    async page(where: string, params: unknown[], sortColumn: string, order: 'asc' | 'desc', page: PageRequest): Promise<Page<R>> {
      const conditions = [where];
      const values = [...params];
      if (page.cursor !== undefined) {
        const after = decodeCursor(page.cursor);
        values.push(after.key, after.seq);
        conditions.push(`(${sortColumn}, seq) ${order === 'asc' ? '>' : '<'} ($${values.length - 1}::timestamptz, $${values.length}::bigint)`);
      }
      values.push(page.limit + 1);
      const direction = order === 'asc' ? 'ASC' : 'DESC';
      const { rows } = await run(
        db,
        `SELECT ${columns} FROM ${table.name} WHERE ${conditions.join(' AND ')} ORDER BY ${sortColumn} ${direction}, seq ${direction} LIMIT $${values.length}`,
        values,
      );
      return pageFromRows(
        rows.map((row) => ({ record: toRecord(row), key: isoTime(row[sortColumn]), seq: Number(row.seq) })),
        page.limit,
      );
    },
  };
}
