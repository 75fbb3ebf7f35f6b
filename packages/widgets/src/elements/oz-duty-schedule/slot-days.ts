import type { DutySlot } from '@oz/contracts';
import type { Lang, Translation } from '../../i18n/index.ts';

/** Free slots laid out the way a person reads a schedule: by local day, then by duty doctor. */

export interface DoctorSlots {
  doctorId: string;
  doctorName: string;
  slots: DutySlot[];
}

export interface SlotDay {
  /** The local date, `YYYY-MM-DD`: stable across refreshes, usable in ids. */
  key: string;
  /** Local midnight of that day. */
  date: Date;
  doctors: DoctorSlots[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant: a slot at 23:30 UTC is "tomorrow" in Novosibirsk. */
export function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Groups slots (already sorted by start) by local day, and within a day by doctor in order of first slot. */
export function groupByDay(slots: readonly DutySlot[]): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const start = new Date(slot.startsAt);
    const key = localDayKey(start);
    let day = days.get(key);
    if (!day) {
      day = { key, date: new Date(start.getFullYear(), start.getMonth(), start.getDate()), doctors: [] };
      days.set(key, day);
    }
    let doctor = day.doctors.find((d) => d.doctorId === slot.doctorId);
    if (!doctor) {
      doctor = { doctorId: slot.doctorId, doctorName: slot.doctorName, slots: [] };
      day.doctors.push(doctor);
    }
    doctor.slots.push(slot);
  }
  return [...days.values()];
}

const capitalize = (text: string, lang: Lang) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/**
 * A day heading an elderly reader cannot misread: «Сегодня, 28 ноября», «Завтра, 29 ноября»,
 * «Пятница, 30 ноября»; the year only when it is not this year's.
 */
export function dayLabel(t: Translation, lang: Lang, date: Date, now: Date = new Date()): string {
  const year = date.getFullYear() === now.getFullYear() ? undefined : 'numeric';
  const dayMonth = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year }).format(date);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (localDayKey(date) === localDayKey(now)) return t.dutySchedule.today(dayMonth);
  if (localDayKey(date) === localDayKey(tomorrow)) return t.dutySchedule.tomorrow(dayMonth);
  return capitalize(new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year }).format(date), lang);
}

/** Clock time in the reader's time zone, or in `timeZone` (e.g. Moscow). */
export function clockTime(lang: Lang, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** "10:00–10:20" in the reader's time zone. */
export function clockRange(lang: Lang, startIso: string, endIso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone }).formatRange(
    new Date(startIso),
    new Date(endIso),
  );
}

export const MOSCOW = 'Europe/Moscow';

/** Minutes ahead of UTC at that instant in `timeZone` (the reader's own when omitted). */
export function utcOffsetMinutes(date: Date, timeZone?: string): number {
  if (!timeZone) return -date.getTimezoneOffset();
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wallClockAsUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Whether the reader's clock differs from Moscow's at that instant. Doctors, SMS and the program
 * speak Moscow time; residents from Kaliningrad to Kamchatka read their own.
 */
export function differsFromMoscow(iso: string): boolean {
  const date = new Date(iso);
  return utcOffsetMinutes(date) !== utcOffsetMinutes(date, MOSCOW);
}

/** The `count` free slots closest in time to the one a person wanted, in time order. */
export function nearestSlots(slots: readonly DutySlot[], wanted: Pick<DutySlot, 'id' | 'startsAt'>, count = 3): DutySlot[] {
  const at = Date.parse(wanted.startsAt);
  return slots
    .filter((slot) => slot.id !== wanted.id)
    .map((slot) => ({ slot, distance: Math.abs(Date.parse(slot.startsAt) - at) }))
    .sort((a, b) => a.distance - b.distance || Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt))
    .slice(0, count)
    .map(({ slot }) => slot)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
