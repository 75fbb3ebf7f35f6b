import type { Application, Center, Consultation } from '@oz/contracts';
import type { Lang } from '../../i18n/index.ts';

/** "вторник, 14 мая 2025 г. в 14:30": the person's own time zone, spelled out for elderly readers. */
export function formatStart(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** "14 мая 2025 г. в 14:30", for sentences. */
export function formatWhen(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDay(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
}

export function centerName(centers: readonly Center[], id: string, locale: Lang): string {
  const center = centers.find((candidate) => candidate.id === id);
  if (!center) return id;
  return locale === 'en' ? center.nameEn : center.shortName;
}

export function diseaseName(centers: readonly Center[], application: Application, locale: Lang): string {
  const disease = centers.find((c) => c.id === application.centerId)?.diseases.find((d) => d.id === application.disease);
  if (!disease) return application.disease;
  return locale === 'en' ? disease.nameEn : disease.name;
}

/** The video room stays open an hour after the planned end (DESIGN.md §6): until then it is not "past". */
const ROOM_OPEN_AFTER_END_MS = 60 * 60_000;

export interface Arranged {
  /** Waiting, declined, or withdrawn before a doctor looked at it; scheduled ones show as consultations. */
  applications: Application[];
  /** Soonest first. */
  upcoming: Consultation[];
  /**
   * Cancelled ones whose time has not come: under their own heading, soonest first. Listed with the
   * past ones, a booking cancelled for next week read as if it had taken place.
   */
  cancelled: Consultation[];
  /** Latest first. */
  past: Consultation[];
}

export function arrange(consultations: readonly Consultation[], applications: readonly Application[], now = Date.now()): Arranged {
  const isUpcoming = (c: Consultation) =>
    c.status === 'in_progress' || (c.status === 'scheduled' && Date.parse(c.endsAt) + ROOM_OPEN_AFTER_END_MS > now);
  const isCancelledAhead = (c: Consultation) => c.status === 'cancelled' && Date.parse(c.startsAt) > now;
  const byStart = (a: Consultation, b: Consultation) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  const rank = (a: Application) => (a.status === 'submitted' ? 0 : 1);
  return {
    // A patient's cancelled consultation also marks its application cancelled: show that once, as the consultation.
    applications: applications
      .filter((a) => a.status === 'submitted' || a.status === 'declined' || (a.status === 'cancelled' && !a.consultationId))
      .sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    upcoming: consultations.filter(isUpcoming).sort(byStart),
    cancelled: consultations.filter(isCancelledAhead).sort(byStart),
    past: consultations.filter((c) => !isUpcoming(c) && !isCancelledAhead(c)).sort((a, b) => byStart(b, a)),
  };
}
