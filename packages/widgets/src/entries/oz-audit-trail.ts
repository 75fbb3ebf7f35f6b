/** `@oz/widgets/oz-audit-trail`: defines <oz-audit-trail> at once (the package's loader would load it when the tag appears). */
import { OzAuditTrail } from '../elements/oz-audit-trail/oz-audit-trail.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzAuditTrail };

startPage(import.meta.url);
OzAuditTrail.define('oz-audit-trail');
