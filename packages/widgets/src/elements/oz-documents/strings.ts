import { defineStrings } from '../../i18n/catalog.ts';
import { auditRu } from '../../i18n/ru/audit.ts';
import { documentsRu } from '../../i18n/ru/documents.ts';

/** The words of <oz-documents> (and of its «Кто смотрел мои документы»): Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ documents: documentsRu, audit: auditRu }, () => import('./strings-en.ts'));
