import { applyEn } from '../../i18n/en/apply.ts';
import { documentsEn } from '../../i18n/en/documents.ts';

export default { apply: applyEn, documents: documentsEn };
