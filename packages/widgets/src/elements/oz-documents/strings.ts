import { defineStrings } from '../../i18n/catalog.ts';
import { documentsRu } from '../../i18n/ru/documents.ts';

/** The words of <oz-documents>: Russian in its chunk, English fetched when it speaks English (the audit words come with the signed-in part: who-looked-strings.ts). */
export const strings = defineStrings({ documents: documentsRu }, () => import('./strings-en.ts'));
