import type { Notification } from '@oz/contracts';
import type { Lang, Translation } from '../../i18n/index.ts';

/** "14 мая 2025 г. в 14:30" in the reader's own time zone and language. */
export function formatWhen(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** When a notification came: "14 мая 2025 г., 14:30". */
export function formatReceived(locale: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The notification's text in the page's language, built from its kind and data (the server's own
 * `text` is the Russian SMS, with Moscow time). Unknown kinds from a newer server fall back to it.
 */
export function notificationText(t: Translation, locale: Lang, notification: Notification): string {
  const texts = t.domain.notificationTexts;
  const { data } = notification;
  const when = data.startsAt ? formatWhen(locale, data.startsAt) : '';
  switch (notification.kind) {
    case 'application_submitted':
      return texts.application_submitted();
    case 'application_scheduled':
      return when ? texts.application_scheduled(when) : notification.text;
    case 'application_declined':
      return texts.application_declined(data.reason ?? '');
    case 'consultation_cancelled': {
      if (!when) return notification.text;
      const cancelled = texts.consultation_cancelled(when);
      return data.reason ? `${cancelled} ${t.notifications.reason(data.reason)}` : cancelled;
    }
    case 'call_ended':
      return when ? texts.call_ended(when) : notification.text;
    case 'conclusion_ready':
      return texts.conclusion_ready();
    case 'duty_booked':
      return when ? texts.duty_booked(when) : notification.text;
    case 'message_received': {
      // One entry per consultation counts the messages that came while it was unread.
      if (!when) return notification.text;
      const count = data.messages ?? 1;
      return count > 1 ? t.notifications.messagesReceived(count, when) : texts.message_received(when);
    }
    default:
      return notification.text;
  }
}
