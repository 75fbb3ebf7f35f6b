import type { CredentialsResendResult } from '@oz/contracts';
import type { Lang, Translation } from '../../i18n/index.ts';

/** No-break spaces keep a phone or a date on one line of a narrow phone's screen. */
const NBSP = '\u00a0';

/** +79211234567 as people write it, +7 921 123-45-67; anything else as it is. */
export function displayPhone(phone: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return match ? ['+7', match[1], `${match[2]}-${match[3]}-${match[4]}`].join(NBSP) : phone;
}

/** The day the new password stops working, in the reader's language and time zone ("4 декабря 2026 г."). */
export function expiryDate(lang: Lang, iso: string): string {
  const date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
  return date.replace(/\s/g, NBSP);
}

/** "SMS с новым паролем отправлено: <name>, <phone>. Пароль действует до <date>." */
export function passwordSentText(t: Translation, lang: Lang, result: CredentialsResendResult): string {
  return t.referralImport.passwordSent(result.fullName, displayPhone(result.phone), expiryDate(lang, result.expiresAt));
}
