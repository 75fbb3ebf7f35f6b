import { defineStrings } from '../../i18n/catalog.ts';
import { auditRu } from '../../i18n/ru/audit.ts';

/**
 * The audit trail's words for «Кто смотрел мои документы», in the signed-in part: a visitor who is
 * not signed in never downloads them (they are shared with <oz-audit-trail>, not with every page).
 */
export const whoLookedStrings = defineStrings({ audit: auditRu }, () => import('./who-looked-strings-en.ts'));
