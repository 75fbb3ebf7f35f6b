import { consultationsEn } from '../../i18n/en/consultations.ts';
import { videoJoinEn } from '../../i18n/en/video-join.ts';

export default { consultations: consultationsEn, videoJoin: videoJoinEn };
