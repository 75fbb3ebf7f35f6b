import { defineStrings } from '../../i18n/catalog.ts';
import { auditRu } from '../../i18n/ru/audit.ts';
import { auditTrailRu } from '../../i18n/ru/audit-trail.ts';

/** The words of <oz-audit-trail>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ auditTrail: auditTrailRu, audit: auditRu }, () => import('./strings-en.ts'));
