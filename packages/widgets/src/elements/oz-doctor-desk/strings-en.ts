import { doctorDeskEn } from '../../i18n/en/doctor-desk.ts';
import { videoJoinEn } from '../../i18n/en/video-join.ts';

export default { doctorDesk: doctorDeskEn, videoJoin: videoJoinEn };
