import { lazyChunk } from '../../internal/lazy-chunk.ts';

export type ChatChecks = typeof import('./chat-checks.ts');

/**
 * The message contract in its own chunk, loaded once per page as soon as a chat appears.
 * `load` is replaceable so a test can make the chunk stall or fail (the chat must work without it).
 */
export const chatChecks = {
  load: lazyChunk((): Promise<ChatChecks> => import('./chat-checks.ts')),
};
