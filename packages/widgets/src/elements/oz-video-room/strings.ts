import { defineStrings } from '../../i18n/catalog.ts';
import { videoRoomRu } from '../../i18n/ru/video-room.ts';

/** The words of <oz-video-room>: Russian in its chunk, English fetched when it speaks English. */
export const strings = defineStrings({ videoRoom: videoRoomRu }, () => import('./strings-en.ts'));
