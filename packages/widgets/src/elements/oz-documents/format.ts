import type { Lang } from '../../i18n/index.ts';

/**
 * "1,2 МБ" / "1.2 MB": sizes the way the person's system shows them (powers of 1024). Anything
 * under a kilobyte says "1 КБ": "70 byte" reads oddly and no real scan is that small.
 */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return formatFileSize(1024, lang);
  const units = [
    ['kilobyte', 1024],
    ['megabyte', 1024 ** 2],
    ['gigabyte', 1024 ** 3],
  ] as const;
  const [unit, size] = units.findLast(([, size]) => bytes >= size) ?? units[0];
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'kilobyte' ? 0 : 1,
  }).format(bytes / size);
}

/** Date and time in the reader's own time zone and language: "12 марта 2024 г., 14:05". */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}
