import { checksChunk } from '../../internal/lazy-chunk.ts';

export type ChatChecks = typeof import('./chat-checks.ts');

/**
 * The message contract in its own chunk, loaded once per page as soon as a chat appears.
 * Undefined when it cannot be loaded (see checksChunk).
 */
export const loadChatChecks = checksChunk((): Promise<ChatChecks> => import('./chat-checks.ts'));
