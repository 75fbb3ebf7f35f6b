import type { Lang, Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';

/**
 * Words for a failed join. The error classes live in the lazily loaded video chunk, so they are
 * recognised by name and shape here: importing them would pull that chunk into oz.js.
 */
export function describeJoinError(t: Translation, locale: Lang, error: unknown, now: number = Date.now()): string {
  const v = t.videoRoom;
  const hours = roomWindowOf(error);
  if (hours) {
    if (now < Date.parse(hours.opensAt)) return v.roomOpensAt(formatMoment(t, locale, hours.opensAt, now));
    if (now > Date.parse(hours.closesAt)) return v.roomClosedAt(formatMoment(t, locale, hours.closesAt, now));
    return v.roomNotAvailable;
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'RoomFullError') return v.roomFull;
  if (name === 'TransportConnectError') return t.errors.video_unavailable;
  // The doctor ended the call while this person was on the check: the same words as on the card.
  if (name === 'ApiError' && (error as { code?: unknown }).code === 'call_ended') return t.domain.callEnded;
  if (name === 'ApiError' || name === 'NetworkError') return describeError(t, error);
  return v.joinFailed;
}

function roomWindowOf(error: unknown): { opensAt: string; closesAt: string } | undefined {
  const candidate = error as { opensAt?: unknown; closesAt?: unknown } | null;
  if (typeof candidate?.opensAt === 'string' && typeof candidate.closesAt === 'string') {
    return { opensAt: candidate.opensAt, closesAt: candidate.closesAt };
  }
  return undefined;
}

/** "в 13:45" today, "12 марта в 13:45" on another day, in the reader's own time zone. */
export function formatMoment(t: Translation, locale: Lang, iso: string, now: number = Date.now()): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (date.toDateString() === new Date(now).toDateString()) return t.videoRoom.atTime(time);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(date);
  return t.videoRoom.onDateAtTime(day, time);
}

/** The consultation's start for the heading: "четверг, 12 марта, 14:00". */
export function formatStart(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "3,4 Мбит/с", "480 кбит/с", or "больше 100 Мбит/с" where the exact figure means nothing. */
export function formatSpeed(t: Translation, locale: Lang, kbps: number): string {
  if (kbps >= 100_000) return t.videoRoom.moreThan(t.videoRoom.mbps('100'));
  if (kbps >= 1000) {
    return t.videoRoom.mbps(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(kbps / 1000));
  }
  return t.videoRoom.kbps(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(kbps));
}
