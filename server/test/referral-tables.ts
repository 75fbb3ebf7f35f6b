import ExcelJS from 'exceljs';
import type { TestServer } from './helpers.ts';

export const HEADER = ['ФИО', 'Дата рождения', 'Телефон', 'Диагноз', 'Центр', 'Направивший врач', 'Медицинская организация'];

/** Windows-1251 for the test files as old Excel saves them (Cyrillic А-я at 0xC0-0xFF, Ё/ё at 0xA8/0xB8). */
export function encodeWindows1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (char === 'Ё') return 0xa8;
    if (char === 'ё') return 0xb8;
    if (char === '«') return 0xab;
    if (char === '»') return 0xbb;
    if (char === '№') return 0xb9;
    throw new Error(`no Windows-1251 byte for ${char}`);
  }));
}

export function csv(rows: string[][], delimiter = ';'): string {
  return rows.map((row) => row.map((cell) => (/[";,\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n') + '\r\n';
}

export async function xlsx(rows: (string | number | Date)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Направления');
  for (const row of rows) sheet.addRow(row);
  for (let r = 2; r <= rows.length; r += 1) {
    const cell = sheet.getRow(r).getCell(2);
    if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** POST /referrals/import with the table as a file upload. */
export async function importFile(server: TestServer, token: string, bytes: Uint8Array | string, name: string, dryRun = false) {
  const form = new FormData();
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  form.set('file', new File([data as Uint8Array<ArrayBuffer>], name));
  return server.request(`/api/v1/referrals/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: form, token });
}
