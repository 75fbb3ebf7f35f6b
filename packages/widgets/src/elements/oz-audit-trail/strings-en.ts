import { auditEn } from '../../i18n/en/audit.ts';
import { auditTrailEn } from '../../i18n/en/audit-trail.ts';

export default { auditTrail: auditTrailEn, audit: auditEn };
