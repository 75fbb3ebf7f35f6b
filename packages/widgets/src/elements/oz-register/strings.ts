import { defineStrings } from '../../i18n/catalog.ts';
import { registerRu } from '../../i18n/ru/register.ts';

/** The words of <oz-register>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ register: registerRu }, () => import('./strings-en.ts'));
