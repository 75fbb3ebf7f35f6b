import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MAX_UNPACKED_WORKBOOK_BYTES, readXlsx } from '../src/services/referrals/read-xlsx.ts';
import { DomainError } from '../src/services/domain-error.ts';
import { HEADER, xlsx } from './referral-tables.ts';

const row = (n: number) => [`Пациент ${n}`, '01.01.1950', `+7 900 000-${String(n).padStart(4, '0').slice(0, 2)}-${String(n).padStart(4, '0').slice(2)}`, 'ИБС', 'Бакулева', '', ''];

/** The code of the DomainError the promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return error.code;
  }
  return 'no error';
}

describe('reading an XLSX referral table', () => {
  it('keeps no more than one row past the limit, however many the sheet has', async () => {
    const bytes = await xlsx([HEADER, ...Array.from({ length: 60 }, (_, i) => row(i))]);
    const table = await readXlsx(bytes, 10);
    assert.deepEqual(table.header, HEADER);
    assert.equal(table.rows.length, 11);
    assert.deepEqual(table.rows[0], { row: 2, cells: row(0).map((cell) => cell || null) });
    assert.equal((await readXlsx(bytes, 5000)).rows.length, 60);
  });

  it('refuses a workbook that unpacks past the limit before parsing it (a small upload, a huge inflated entry)', async () => {
    const zip = await JSZip.loadAsync(await xlsx([HEADER, row(1)]));
    zip.file('xl/media/padding.bin', Buffer.alloc(MAX_UNPACKED_WORKBOOK_BYTES + 1024));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    assert.ok(bytes.length < 1024 * 1024, `the upload is small: ${bytes.length} bytes`);
    assert.equal(await codeOf(readXlsx(bytes, 5000)), 'payload_too_large');
  });

  it('reads the first sheet only, and wants the header on row 1', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Направления').addRows([HEADER, row(1)]);
    workbook.addWorksheet('Черновик').addRows([HEADER, row(2), row(3)]);
    const table = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 5000);
    assert.deepEqual(table.rows.map((r) => r.cells[0]), ['Пациент 1']);

    const late = new ExcelJS.Workbook();
    const sheet = late.addWorksheet('Направления');
    sheet.getRow(3).values = HEADER;
    assert.equal(await codeOf(readXlsx(new Uint8Array(await late.xlsx.writeBuffer()), 5000)), 'file_unreadable');
    assert.equal(await codeOf(readXlsx(new TextEncoder().encode('PK\u0003\u0004 not really a zip'), 5000)), 'file_unreadable');
  });
});
