import { defineStrings } from '../../i18n/catalog.ts';
import { notificationsRu } from '../../i18n/ru/notifications.ts';

/** The words of <oz-notifications>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ notifications: notificationsRu }, () => import('./strings-en.ts'));
