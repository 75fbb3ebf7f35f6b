export type ChatChecks = typeof import('./chat-checks.ts');

let loading: Promise<ChatChecks> | undefined;

/**
 * Loads the message contract in its own chunk, once per page, as soon as a chat appears.
 * Resolves undefined when the chunk cannot be loaded: the message then goes unchecked and the API
 * answers with the very same field errors. A failed load is forgotten so the next call retries.
 */
export async function loadChatChecks(): Promise<ChatChecks | undefined> {
  loading ??= import('./chat-checks.ts');
  try {
    return await loading;
  } catch {
    loading = undefined;
    return undefined;
  }
}
