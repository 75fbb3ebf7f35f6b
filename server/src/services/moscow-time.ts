/**
 * Dates in SMS and notification texts, in Moscow time and saying so («05.12.2026 10:00 мск»): the
 * cabinet shows the reader's own time, and a resident of Novosibirsk must not take an SMS's time for local.
 */
const FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const moscowTime = (iso: string) => `${FORMAT.format(new Date(iso)).replace(',', '')} мск`;
