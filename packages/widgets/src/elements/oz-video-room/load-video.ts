import { lazyChunk } from '../../internal/lazy-chunk.ts';

export type VideoModule = typeof import('./room-parts.ts');

/**
 * The room's parts (devices, connection test, transports and their views) in their own chunk,
 * loaded once per page and only when a room is shown.
 */
export const loadVideo = lazyChunk((): Promise<VideoModule> => import('./room-parts.ts'));
