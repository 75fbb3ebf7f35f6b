/** `@oz/widgets/oz-video-room`: defines <oz-video-room> at once (the package's loader would load it when the tag appears). */
import { OzVideoRoom } from '../elements/oz-video-room/oz-video-room.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzVideoRoom };

startPage(import.meta.url);
OzVideoRoom.define('oz-video-room');
