/** `@oz/widgets/oz-duty-schedule`: defines <oz-duty-schedule> at once (the package's loader would load it when the tag appears). */
import { OzDutySchedule } from '../elements/oz-duty-schedule/oz-duty-schedule.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzDutySchedule };

startPage(import.meta.url);
OzDutySchedule.define('oz-duty-schedule');
