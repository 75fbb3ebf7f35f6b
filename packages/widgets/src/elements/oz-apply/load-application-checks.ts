export type ApplicationChecks = typeof import('./application-checks.ts');

let loading: Promise<ApplicationChecks> | undefined;

/**
 * Loads the application schema in its own chunk, once per page; started when <oz-apply> appears
 * so it is there by the first submit. Resolves undefined when the chunk cannot be loaded: the form
 * then goes unchecked and the API answers with the very same field errors. A failed load is
 * forgotten so the next call retries (slow rural connections drop requests).
 */
export async function loadApplicationChecks(): Promise<ApplicationChecks | undefined> {
  loading ??= import('./application-checks.ts');
  try {
    return await loading;
  } catch {
    loading = undefined;
    return undefined;
  }
}
