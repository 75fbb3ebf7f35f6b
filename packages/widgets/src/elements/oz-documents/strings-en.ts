import { documentsEn } from '../../i18n/en/documents.ts';

export default { documents: documentsEn };
