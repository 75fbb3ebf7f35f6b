import { auditEn } from '../../i18n/en/audit.ts';
import { documentsEn } from '../../i18n/en/documents.ts';

export default { documents: documentsEn, audit: auditEn };
