import { InvalidCursorError, type Page, type PageRequest } from '../../ports/store.ts';

/**
 * Where a page ended: the sort key of its last record and that record's write sequence, which
 * orders records with the same key (two written in the same millisecond). Both adapters keep a
 * sequence, so a cursor means the same to each; to a client it is an opaque string.
 */
export interface CursorPosition {
  key: string;
  seq: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.seq]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Every list is ordered by a time: a key that is not one was not written by us.
    const isTime = (key: unknown) => typeof key === 'string' && !Number.isNaN(Date.parse(key)) && new Date(key).toISOString() === key;
    if (Array.isArray(value) && value.length === 2 && isTime(value[0]) && Number.isSafeInteger(value[1])) {
      return { key: value[0], seq: value[1] as number };
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError();
}

/** Records with their sequence, as adapters hold them before paging. */
export interface Sequenced<T> {
  record: T;
  key: string;
  seq: number;
}

/**
 * One page of records already filtered: ordered by (key, seq) either way, after the cursor,
 * `limit` of them, and a cursor when more follow. The lowdb adapter pages in memory with this;
 * PostgreSQL does the same in SQL and reuses `pageFromRows` for the tail.
 */
export function pageInMemory<T>(rows: Sequenced<T>[], order: 'asc' | 'desc', page: PageRequest): Page<T> {
  const direction = order === 'asc' ? 1 : -1;
  const compare = (a: { key: string; seq: number }, b: { key: string; seq: number }) =>
    direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.seq - b.seq);
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  const sorted = rows.filter((row) => !after || compare(row, after) > 0).sort(compare);
  return pageFromRows(sorted.slice(0, page.limit + 1), page.limit);
}

/** `rows` holds up to limit + 1 ordered rows: the extra one only says that a next page exists. */
export function pageFromRows<T>(rows: Sequenced<T>[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => row.record),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.key, seq: last.seq }) : null,
  };
}
