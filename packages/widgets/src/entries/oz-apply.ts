/** `@oz/widgets/oz-apply`: defines <oz-apply> at once (the package's loader would load it when the tag appears). */
import { OzApply } from '../elements/oz-apply/oz-apply.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzApply };

startPage(import.meta.url);
OzApply.define('oz-apply');
