/** Dates in SMS and notification texts: the program's patients are told times in Moscow time. */
const FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const moscowTime = (iso: string) => `${FORMAT.format(new Date(iso)).replace(',', '')} (МСК)`;
