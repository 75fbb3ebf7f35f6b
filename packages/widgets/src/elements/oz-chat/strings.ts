import { defineStrings } from '../../i18n/catalog.ts';
import { chatRu } from '../../i18n/ru/chat.ts';

/** The words of <oz-chat>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ chat: chatRu }, () => import('./strings-en.ts'));
