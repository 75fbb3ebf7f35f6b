import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import { DomainError } from '../domain-error.ts';
import { unpackedSize } from '../zip-entries.ts';
import type { Cell, Table } from './read-table.ts';

/**
 * What a referral workbook may unpack to. 5,000 rows of seven columns are a few megabytes of XML;
 * a workbook that inflates past this is refused before anything parses it.
 */
export const MAX_UNPACKED_WORKBOOK_BYTES = 64 * 1024 * 1024;

const unreadable = (message: string) => new DomainError('file_unreadable', message);

/**
 * Reads an XLSX workbook's first sheet row by row (exceljs's streaming reader), never the whole
 * workbook at once: what it really unpacks to is counted first, and rows past `maxRows` are
 * neither kept nor parsed into cells.
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
  let unpacked: number | 'too-large';
  try {
    unpacked = await unpackedSize(bytes, MAX_UNPACKED_WORKBOOK_BYTES);
  } catch (error) {
    throw unreadable(`The XLSX file could not be read: ${(error as Error).message}`);
  }
  if (unpacked === 'too-large') {
    throw new DomainError('payload_too_large', `The workbook unpacks to more than ${MAX_UNPACKED_WORKBOOK_BYTES / 1024 / 1024} MB; keep only the referral table in it`);
  }
  // Loaded on the first workbook, not at start: exceljs alone costs a server about 0.3 s and 30 MB.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told by their number format
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: string[] | undefined;
  const rows: Table['rows'] = [];
  let sheets = 0;
  let tooMany = false;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      // Later sheets are read to their end unparsed: the reader goes on to the next only then.
      for await (const row of sheet) {
        if (sheets > 1 || tooMany) continue;
        const cells: Cell[] = [];
        for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellValue(row.getCell(column).value));
        if (!header) {
          if (!cells.some((cell) => cell !== null)) continue;
          if (row.number !== 1) throw unreadable('The header must be on row 1');
          header = cells.map((cell) => (cell === null ? '' : String(cell).trim()));
          continue;
        }
        if (!cells.some((cell) => cell !== null)) continue;
        rows.push({ row: row.number, cells });
        tooMany = rows.length > maxRows;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(`The XLSX file could not be read: ${(error as Error).message}`);
  }
  if (!header) throw unreadable('The workbook has no rows');
  return { header, rows };
}

/** exceljs gives rich text, formulas and hyperlinks as objects; the table wants what the cell shows. */
function cellValue(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim() || null;
  if ('text' in value && typeof value.text === 'string') return value.text.trim() || null;
  if ('result' in value) return cellValue(value.result as CellValue);
  return null;
}
