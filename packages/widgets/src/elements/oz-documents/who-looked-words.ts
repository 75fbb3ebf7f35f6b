import { useStrings } from '../../i18n/catalog.ts';
import { whoLookedStrings } from './who-looked-strings.ts';

// Loaded when the patient first opens «Кто смотрел мои документы»: its words and sentences are
// shared with the manager's <oz-audit-trail>, and nobody else needs them.
useStrings(whoLookedStrings);

export { auditDeed, auditWhen, auditWho } from '../oz-audit-trail/audit-words.ts';
