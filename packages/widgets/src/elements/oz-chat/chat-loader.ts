import { lazyChunk } from '../../internal/lazy-chunk.ts';

/**
 * Registers <oz-chat> from its own chunk, once per page. The consultations list and the doctor's
 * desk show a chat only to a signed-in person: a signed-out page never downloads it, and a
 * signed-in one fetches it while the list is read, before anyone opens a chat.
 */
export const defineChat = lazyChunk(() => import('./oz-chat.ts').then(({ OzChat }) => OzChat.define('oz-chat')));

/** Starts loading the chat's code; a failure is logged and the next call tries again. */
export function prefetchChat(): void {
  defineChat().catch((error: unknown) => console.error('Oblako Zdorovya: could not load <oz-chat>', error));
}
