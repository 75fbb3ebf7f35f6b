/** `@oz/widgets/oz-register`: defines <oz-register> at once (the package's loader would load it when the tag appears). */
import { OzRegister } from '../elements/oz-register/oz-register.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzRegister };

startPage(import.meta.url);
OzRegister.define('oz-register');
