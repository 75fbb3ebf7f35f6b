import { lazyChunk } from '../../internal/lazy-chunk.ts';

/**
 * Registers <oz-video-room> from its own chunk, once per page. For code that shows a room inside
 * another element (a consultation card): the script-tag loader only watches the page, not shadow
 * roots, and a static import would put the whole room into every element that merely offers it.
 */
export const defineVideoRoom = lazyChunk(() =>
  import('./oz-video-room.ts').then(({ OzVideoRoom }) => OzVideoRoom.define('oz-video-room')),
);
