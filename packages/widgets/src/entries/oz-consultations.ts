/** `@oz/widgets/oz-consultations`: defines <oz-consultations> at once (the package's loader would load it when the tag appears). */
import { OzConsultations } from '../elements/oz-consultations/oz-consultations.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzConsultations };

startPage(import.meta.url);
OzConsultations.define('oz-consultations');
