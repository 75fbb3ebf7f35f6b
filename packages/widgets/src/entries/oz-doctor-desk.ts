/** `@oz/widgets/oz-doctor-desk`: defines <oz-doctor-desk> at once (the package's loader would load it when the tag appears). */
import { OzDoctorDesk } from '../elements/oz-doctor-desk/oz-doctor-desk.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzDoctorDesk };

startPage(import.meta.url);
OzDoctorDesk.define('oz-doctor-desk');
