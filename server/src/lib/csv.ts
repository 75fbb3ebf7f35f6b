/**
 * One line of a CSV file as Excel in Russia reads it: `;` between cells, each quoted. A cell that
 * starts like a formula (= + - @, a tab or a return) gets a leading apostrophe, so a name someone
 * typed as "=HYPERLINK(…)" stays text in the manager's Excel (CSV injection).
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => `"${(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell).replace(/"/g, '""')}"`).join(';');
}

/** Excel opens UTF-8 CSV in Cyrillic only with a byte-order mark. */
export const CSV_BOM = '\ufeff';
