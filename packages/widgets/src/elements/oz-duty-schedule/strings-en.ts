import { dutyScheduleEn } from '../../i18n/en/duty-schedule.ts';

export default { dutySchedule: dutyScheduleEn };
