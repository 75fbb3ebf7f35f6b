import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root, for the built bundle and the sample pages. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const STATIC_DIRS = {
  widgets: join(REPO_ROOT, 'dist', 'widgets'),
  examples: join(REPO_ROOT, 'examples'),
};
