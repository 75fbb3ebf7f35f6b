import {
  MAX_REFERRAL_ROWS,
  REFERRAL_COLUMNS,
  REQUIRED_REFERRAL_COLUMNS,
  isRealIsoDate,
  normalizePhone,
  type CenterId,
  type ReferralColumn,
  type ReferralRowError,
} from '@oz/contracts';
import { DomainError } from '../domain-error.ts';
import type { Cell, Table } from './read-table.ts';
import { centerFromText } from './center-names.ts';

export interface ReferralRow {
  row: number;
  fullName: string;
  birthDate: string;
  phone: string;
  diagnosis: string;
  centerId: CenterId;
  referringDoctor: string;
  organization: string;
}

export type ReadRow = { ok: true; value: ReferralRow } | { ok: false; errors: ReferralRowError[]; fullName: string; phone: string; centerId: CenterId | null };

const normalizeHeader = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/[\s.]+/g, ' ').trim();

/** Finds each column by its Russian header, in any order; a missing required one fails the whole file. */
export function mapColumns(header: string[]): Record<ReferralColumn, number | undefined> {
  const positions = header.map(normalizeHeader);
  const mapped = Object.fromEntries(
    (Object.entries(REFERRAL_COLUMNS) as [ReferralColumn, string][]).map(([key, title]) => {
      const index = positions.indexOf(normalizeHeader(title));
      return [key, index >= 0 ? index : undefined];
    }),
  ) as Record<ReferralColumn, number | undefined>;
  const missing = REQUIRED_REFERRAL_COLUMNS.filter((key) => mapped[key] === undefined).map((key) => REFERRAL_COLUMNS[key]);
  if (missing.length > 0) {
    throw new DomainError('file_unreadable', `Row 1 must name the columns; missing: ${missing.join(', ')}`, {
      missingColumns: missing,
      expectedColumns: Object.values(REFERRAL_COLUMNS),
    });
  }
  return mapped;
}

export function readReferralRows(table: Table, today: Date): ReadRow[] {
  if (table.rows.length > MAX_REFERRAL_ROWS) {
    throw new DomainError('payload_too_large', `At most ${MAX_REFERRAL_ROWS} rows per file; split the table`);
  }
  const columns = mapColumns(table.header);
  const text = (cells: Cell[], key: ReferralColumn) => {
    const index = columns[key];
    const cell = index === undefined ? null : (cells[index] ?? null);
    if (cell === null) return '';
    return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  };
  const cell = (cells: Cell[], key: ReferralColumn) => {
    const index = columns[key];
    return index === undefined ? null : (cells[index] ?? null);
  };
  return table.rows.map(({ row, cells }) => {
    const fullName = text(cells, 'fullName').replace(/\s+/g, ' ');
    const phoneText = phoneCellText(cell(cells, 'phone'));
    const phone = normalizePhone(phoneText);
    const centerId = centerFromText(text(cells, 'center'));
    const errors: ReferralRowError[] = [];
    const problem = (code: ReferralRowError['code'], field: ReferralColumn, message: string) => {
      errors.push({ row, field, code, column: REFERRAL_COLUMNS[field], message });
    };
    // Every problem of the row, so the manager fixes it in one go.
    if (!fullName) problem('name_missing', 'fullName', 'The full name is empty');
    const birthDate = birthDateOf(cell(cells, 'birthDate'), today);
    if (!birthDate) problem('birth_date_invalid', 'birthDate', 'Write the date of birth as dd.mm.yyyy (a real date, 1900 to today)');
    if (!phone) problem('phone_invalid', 'phone', 'Not a Russian phone number (+7 and 10 digits)');
    const diagnosis = text(cells, 'diagnosis');
    if (!diagnosis) problem('diagnosis_missing', 'diagnosis', 'The diagnosis is empty');
    if (!centerId) problem('center_unknown', 'center', 'Name the center: bakulev or kulakov, or its name (e.g. «Бакулева», «НМИЦ АГП им. Кулакова»)');
    if (errors.length > 0 || !birthDate || !phone || !centerId) {
      return { ok: false, errors, fullName, phone: phone ?? phoneText, centerId };
    }
    return {
      ok: true,
      value: {
        row,
        fullName: fullName.slice(0, 200),
        birthDate,
        phone,
        diagnosis: diagnosis.slice(0, 500),
        centerId,
        referringDoctor: text(cells, 'referringDoctor').slice(0, 200),
        organization: text(cells, 'organization').slice(0, 300),
      },
    };
  });
}

/** A phone typed as a number in Excel loses nothing but formatting: 79211234567. */
function phoneCellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(Math.round(cell));
  return String(cell);
}

// Excel's day 0 is 1899-12-30 (it counts a 29 February 1900 that never was).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** dd.mm.yyyy (also with / or -, or yyyy-mm-dd), a date cell, or an Excel serial day number. */
export function birthDateOf(cell: Cell, today: Date): string | null {
  let iso: string | null = null;
  if (cell instanceof Date) {
    iso = cell.toISOString().slice(0, 10);
  } else if (typeof cell === 'number') {
    iso = Number.isInteger(cell) && cell > 0 ? new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10) : null;
  } else if (typeof cell === 'string') {
    const russian = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(cell.trim());
    const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.trim());
    if (russian) iso = `${russian[3]}-${russian[2]!.padStart(2, '0')}-${russian[1]!.padStart(2, '0')}`;
    else if (isoMatch) iso = cell.trim();
  }
  if (!iso || !isRealIsoDate(iso)) return null;
  const todayIso = today.toISOString().slice(0, 10);
  return iso >= '1900-01-01' && iso <= todayIso ? iso : null;
}
