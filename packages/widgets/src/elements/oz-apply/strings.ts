import { defineStrings } from '../../i18n/catalog.ts';
import { applyRu } from '../../i18n/ru/apply.ts';
import { documentsRu } from '../../i18n/ru/documents.ts';

/** The words of <oz-apply>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ apply: applyRu, documents: documentsRu }, () => import('./strings-en.ts'));
