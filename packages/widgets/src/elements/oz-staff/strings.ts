import { defineStrings } from '../../i18n/catalog.ts';
import { staffRu } from '../../i18n/ru/staff.ts';

/** The words of <oz-staff>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ staff: staffRu }, () => import('./strings-en.ts'));
