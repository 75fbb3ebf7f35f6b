import { auditEn } from '../../i18n/en/audit.ts';

export default { audit: auditEn };
