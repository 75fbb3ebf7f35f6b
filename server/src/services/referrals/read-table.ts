import { parse } from 'csv-parse/sync';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../domain-error.ts';
import { readXlsx } from './read-xlsx.ts';

/** A cell as read: text, a date (XLSX date cells), a number, or empty. */
export type Cell = string | number | Date | null;

export interface Table {
  /** Row 1 of the file. */
  header: string[];
  /** Data rows with their row number in the file (the header is 1); wholly empty rows are left out. */
  rows: { row: number; cells: Cell[] }[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const unreadable = (message: string) => new DomainError('file_unreadable', message);

/**
 * Reads an XLSX workbook's first sheet, or a CSV as Excel saves it (UTF-8 with or without BOM, or
 * Windows-1251; `;` or `,`). An XLSX is read row by row and stops keeping rows past `maxRows`
 * (the caller refuses the table then); a CSV is no larger than its upload.
 */
export async function readTable(bytes: Uint8Array, maxRows: number): Promise<Table> {
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime === XLSX_TYPE) return readXlsx(bytes, maxRows);
  if (type) throw unreadable(`This is a ${type.ext.toUpperCase()} file; upload the table as XLSX or CSV`);
  return readCsv(decodeText(bytes));
}

/** Excel saves "CSV UTF-8" with a BOM and plain "CSV" in the Windows code page: 1251 for Russian. */
export function decodeText(bytes: Uint8Array): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function readCsv(text: string): Table {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    throw unreadable(`The CSV file could not be read: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw unreadable('The file is empty');
  return {
    header: header.record.map((cell) => cell.trim()),
    rows: data
      .map(({ record, info }) => ({ row: info.lines, cells: record.map((cell) => (cell.trim() === '' ? null : cell.trim())) }))
      .filter(({ cells }) => cells.some((cell) => cell !== null)),
  };
}
