import { defineStrings } from '../../i18n/catalog.ts';
import { dutyScheduleRu } from '../../i18n/ru/duty-schedule.ts';

/** The words of <oz-duty-schedule>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ dutySchedule: dutyScheduleRu }, () => import('./strings-en.ts'));
