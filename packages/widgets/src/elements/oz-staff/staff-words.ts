import type { Center, FieldError, StaffMember } from '@oz/contracts';
import { ApiError } from '../../api/errors.ts';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';

export { displayPhone } from '../oz-referral-import/sent-password.ts';

/** «3 марта 2026 г.», in the reader's language and time zone (free to wrap: a card at 200 % zoom is narrow). */
export function staffDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
}

/** «3 марта 2026 г., 10:00»: a consultation's start, or until when a password works. */
export function staffWhen(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** The center's short name in the reader's language; «нет» for a manager. */
export function centerName(t: Translation, lang: Lang, centers: readonly Center[], id: string | null): string {
  const center = id ? centers.find((c) => c.id === id) : undefined;
  if (!center) return id ?? t.staff.noCenter;
  return lang === 'en' ? center.nameEn : center.shortName;
}

/** One field's problem in this element's words where the shared ones are too general. */
export function describeStaffField(t: Translation, error: FieldError): string {
  if (error.field === 'centerId' && error.code === 'required') return t.staff.centerRequired;
  if (error.field === 'phone' && error.code === 'taken') return t.staff.phoneTaken;
  return describeFieldError(t, error);
}

/** Why a staff action was refused; a manager disabling themselves gets the 409 `own_account` in plain words. */
export function describeStaffProblem(t: Translation, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.reason === 'own_account') return t.staff.ownAccount;
    if (error.code === 'phone_taken') return t.staff.phoneTaken;
    const [field] = error.fields;
    if (field) return describeStaffField(t, field);
  }
  return describeError(t, error);
}

/** By name, as the API lists them, so an added person lands where the manager expects. */
export function byName(list: readonly StaffMember[]): StaffMember[] {
  return [...list].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
}
