/** `@oz/widgets/oz-referral-import`: defines <oz-referral-import> at once (the package's loader would load it when the tag appears). */
import { OzReferralImport } from '../elements/oz-referral-import/oz-referral-import.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzReferralImport };

startPage(import.meta.url);
OzReferralImport.define('oz-referral-import');
