import type { ReferralImportReport } from '@oz/contracts';
import type { Translation } from '../../i18n/index.ts';

/**
 * The error report as Excel opens it on a Russian Windows: UTF-8 with a BOM (without it Excel
 * reads Cyrillic as Windows-1251), `;` between cells, CRLF between lines. Row number, column and
 * problem only: the file is saved on the manager's computer, so it carries no patient's name or
 * phone (152-FZ).
 */
export function errorReportCsv(t: Translation, report: ReferralImportReport): string {
  const r = t.referralImport;
  const lines: string[][] = [[r.rowColumn, r.columnColumn, r.problemColumn]];
  const problems = [
    ...report.errors.map((error) => ({ row: error.row, column: error.column ?? r.wholeRow, problem: r.rowErrors[error.code] ?? error.message })),
    ...report.smsFailures.map((failure) => ({ row: failure.row, column: r.columns.phone.header, problem: r.smsFailed })),
  ].sort((a, b) => a.row - b.row);
  for (const { row, column, problem } of problems) lines.push([String(row), column, problem]);
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** Whether the report has anything to put in the error report. */
export function hasProblems(report: ReferralImportReport): boolean {
  return report.errors.length > 0 || report.smsFailures.length > 0;
}

/** "направления.xlsx" → "направления", for naming the report after the table. */
export function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName) || 'table';
}

/**
 * Quotes a cell when it holds `;`, a quote or a line break, and defuses a leading = + - @ that
 * Excel would run as a formula (column headers come from the uploaded file).
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
