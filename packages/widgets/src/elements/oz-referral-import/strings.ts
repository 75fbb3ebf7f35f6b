import { defineStrings } from '../../i18n/catalog.ts';
import { referralImportRu } from '../../i18n/ru/referral-import.ts';

/** The words of <oz-referral-import>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ referralImport: referralImportRu }, () => import('./strings-en.ts'));
