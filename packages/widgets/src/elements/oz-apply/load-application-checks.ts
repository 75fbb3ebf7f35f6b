import { checksChunk } from '../../internal/lazy-chunk.ts';

export type ApplicationChecks = typeof import('./application-checks.ts');

/**
 * The application schema in its own chunk, loaded once per page; started when <oz-apply> appears
 * so it is there by the first submit. Undefined when it cannot be loaded (see checksChunk).
 */
export const loadApplicationChecks = checksChunk((): Promise<ApplicationChecks> => import('./application-checks.ts'));
