import { videoRoomEn } from '../../i18n/en/video-room.ts';

export default { videoRoom: videoRoomEn };
