import { defineStrings } from '../../i18n/catalog.ts';
import { consultationsRu } from '../../i18n/ru/consultations.ts';
import { videoJoinRu } from '../../i18n/ru/video-join.ts';

/** The words of <oz-consultations>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ consultations: consultationsRu, videoJoin: videoJoinRu }, () => import('./strings-en.ts'));
