/** `@oz/widgets/oz-staff`: defines <oz-staff> at once (the package's loader would load it when the tag appears). */
import { OzStaff } from '../elements/oz-staff/oz-staff.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzStaff };

startPage(import.meta.url);
OzStaff.define('oz-staff');
