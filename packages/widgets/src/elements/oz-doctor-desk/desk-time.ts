import type { Consultation } from '@oz/contracts';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The seed's target: a center answers an application within 1–3 days. */
export const REVIEW_TARGET_DAYS = 3;

/** Whole days an application has waited since it was filed. */
export function waitingDays(createdAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(createdAt)) / DAY_MS));
}

/** Past the 3-day target: the queue marks it so the doctor answers it first. */
export function isOverdue(createdAt: string, now: number): boolean {
  return now - Date.parse(createdAt) > REVIEW_TARGET_DAYS * DAY_MS;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a moment in the browser's time zone, as a date input wants it. */
export function localDateValue(moment: number): string {
  const date = new Date(moment);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The doctor's local date (`YYYY-MM-DD`) and time (`HH:MM`) as an ISO time with the browser's
 * offset, e.g. `2026-03-02T10:30:00+03:00`: the API wants an offset so it never guesses a zone.
 * Undefined when either is missing or malformed.
 */
export function localToIsoWithOffset(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const moment = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(moment.getTime())) return undefined;
  // A time skipped by a daylight-saving jump moves forward; the string says the moment it became.
  const offset = -moment.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${localDateValue(moment.getTime())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}:00${zone}`;
}

export function isSameLocalDay(a: number, b: number): boolean {
  return localDateValue(a) === localDateValue(b);
}

/** The browser's zone as people read it, e.g. "GMT+3" (or "UTC+3" in Russian). */
export function timeZoneLabel(locale: string, moment: number): string {
  const part = new Intl.DateTimeFormat(locale, { timeZoneName: 'shortOffset' })
    .formatToParts(moment)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(Date.parse(iso));
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', weekday: 'long' }).format(
    Date.parse(iso),
  );
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
}

/** A consultation that may still take place: not closed and not over. */
export function isUpcoming(consultation: Consultation, now: number): boolean {
  const open = consultation.status === 'scheduled' || consultation.status === 'in_progress';
  return open && Date.parse(consultation.endsAt) > now;
}

/** Upcoming ones first, soonest first; then the rest, latest first. */
export function orderConsultations(list: readonly Consultation[], now: number) {
  const byStart = (a: Consultation, b: Consultation) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  const upcoming = list.filter((c) => isUpcoming(c, now)).sort(byStart);
  const past = list.filter((c) => !isUpcoming(c, now)).sort((a, b) => byStart(b, a));
  return { upcoming, past };
}
