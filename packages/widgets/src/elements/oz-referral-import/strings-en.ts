import { referralImportEn } from '../../i18n/en/referral-import.ts';

export default { referralImport: referralImportEn };
