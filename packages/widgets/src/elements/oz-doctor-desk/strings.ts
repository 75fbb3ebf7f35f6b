import { defineStrings } from '../../i18n/catalog.ts';
import { doctorDeskRu } from '../../i18n/ru/doctor-desk.ts';
import { videoJoinRu } from '../../i18n/ru/video-join.ts';

/** The words of <oz-doctor-desk>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ doctorDesk: doctorDeskRu, videoJoin: videoJoinRu }, () => import('./strings-en.ts'));
