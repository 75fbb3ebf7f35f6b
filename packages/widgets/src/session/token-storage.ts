/**
 * Where a session's token survives a reload: localStorage, one key per API origin so two
 * deployments embedded on one site never swap tokens. Storage can be missing or throw
 * (private mode, blocked cookies, sandboxed frames); then the session simply lasts one page.
 */
export function tokenStorageKey(apiOrigin: string): string {
  return `oz:session:${apiOrigin}`;
}

export function readStoredToken(apiOrigin: string): string | null {
  try {
    return localStorage.getItem(tokenStorageKey(apiOrigin));
  } catch {
    return null;
  }
}

export function storeToken(apiOrigin: string, token: string | null): void {
  try {
    if (token) localStorage.setItem(tokenStorageKey(apiOrigin), token);
    else localStorage.removeItem(tokenStorageKey(apiOrigin));
  } catch {
    // Not persisted: the user stays signed in until the page closes.
  }
}
