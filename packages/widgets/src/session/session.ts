import type { AuthResponse, User } from '@oz/contracts';
import { ApiClient } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { pageConfig } from '../internal/page-config.ts';
import { pageSingleton } from '../internal/page-singleton.ts';
import { readStoredToken, storeToken, tokenStorageKey } from './token-storage.ts';

export type SessionStatus = 'signed-out' | 'restoring' | 'signed-in';

/** Fired on the session whenever the user, the token or the status changes. */
export type SessionChangeEvent = CustomEvent<{ user: User | null }>;

/**
 * The signed-in user of the page, shared by every element (and every copy of the bundle):
 * signing in through one element updates the others without a reload. The token is kept per
 * API origin in localStorage and followed across tabs through the `storage` event.
 */
export class OzSession extends EventTarget {
  #api: string | undefined;
  #token: string | null = null;
  #user: User | null = null;
  #restoring: Promise<void> | undefined;
  /** Bumped on every change so a slow /me answer never overwrites a newer sign-in or sign-out. */
  #generation = 0;

  constructor() {
    super();
    window.addEventListener('storage', (event) => this.#followOtherTab(event));
  }

  /** The API origin this session's token belongs to. */
  get api(): string {
    return this.#api ?? pageConfig.apiOrigin;
  }

  get token(): string | null {
    return this.#token;
  }

  get user(): User | null {
    return this.#user;
  }

  get status(): SessionStatus {
    if (this.#user) return 'signed-in';
    return this.#restoring ? 'restoring' : 'signed-out';
  }

  /** Resolves once a stored or handed-over token has been checked with the API. */
  get ready(): Promise<void> {
    return this.#restoring ?? Promise.resolve();
  }

  /** Switches to the session stored for `api` (on load, and when the page configures another API). */
  use(api: string): Promise<void> {
    if (api === this.#api) return this.ready;
    this.#api = api;
    const stored = readStoredToken(api);
    if (stored) return this.#restore(stored).catch(() => undefined);
    this.#set(null, null);
    return Promise.resolve();
  }

  /**
   * Adopts a token issued elsewhere (e.g. a portal's own sign-in through ESIA); asks the API who it
   * belongs to. Rejects with ApiError (401: the token is not valid; the session is then signed out)
   * or NetworkError. `null` forgets the token locally without revoking it.
   */
  async setToken(token: string | null): Promise<User | null> {
    if (!token) {
      this.clear();
      return null;
    }
    storeToken(this.api, token);
    await this.#restore(token);
    return this.#user;
  }

  /** Starts the session from a sign-in or registration answer. */
  adopt(auth: Pick<AuthResponse, 'token' | 'user'>, api: string = this.api): void {
    this.#generation++;
    this.#api = api;
    this.#restoring = undefined;
    storeToken(api, auth.token);
    this.#set(auth.token, auth.user);
  }

  /** Replaces the user after a change the API reported (e.g. a new password clears mustChangePassword). */
  updateUser(user: User): void {
    if (this.#token) this.#set(this.#token, user);
  }

  /** Revokes the token at the API, then forgets it here (even if the API could not be reached). */
  async signOut(): Promise<void> {
    const token = this.#token;
    if (token) {
      try {
        await this.#client().logout(token);
      } catch {
        // Offline or already revoked: the user asked to leave, so leave locally anyway.
      }
    }
    if (this.#token === token) this.clear();
  }

  /** Forgets the session on this page and in storage, without calling the API. */
  clear(): void {
    this.#generation++;
    this.#restoring = undefined;
    storeToken(this.api, null);
    this.#set(null, null);
  }

  /** Called by API clients on a 401: a revoked or expired token signs the page out. */
  handleUnauthenticated(token: string): void {
    if (token === this.#token) this.clear();
  }

  #restore(token: string): Promise<void> {
    const generation = ++this.#generation;
    const restoring = this.#client()
      .me({ token })
      .then(
        (user) => {
          if (generation === this.#generation) this.#set(token, user);
        },
        (error: unknown) => {
          if (generation !== this.#generation) return;
          if (error instanceof ApiError && error.status === 401) storeToken(this.api, null);
          // On other failures (offline) the stored token stays for the next page load.
          this.#set(null, null);
          throw error;
        },
      )
      .finally(() => {
        if (this.#restoring === restoring) this.#restoring = undefined;
        this.#notify();
      });
    this.#restoring = restoring;
    this.#token = token;
    this.#user = null;
    this.#notify();
    return restoring;
  }

  #followOtherTab(event: StorageEvent): void {
    if (event.storageArea && event.storageArea !== safeLocalStorage()) return;
    const ours = event.key === null || event.key === tokenStorageKey(this.api);
    if (!ours) return;
    const stored = readStoredToken(this.api);
    if (stored === this.#token) return;
    if (stored) {
      this.#restore(stored).catch(() => undefined);
    } else {
      this.#generation++;
      this.#restoring = undefined;
      this.#set(null, null);
    }
  }

  #client(): ApiClient {
    return new ApiClient({ origin: this.api });
  }

  #set(token: string | null, user: User | null): void {
    this.#token = token;
    this.#user = user;
    this.#notify();
  }

  #notify(): void {
    this.dispatchEvent(new CustomEvent('change', { detail: { user: this.#user } }));
  }
}

/** localStorage, or null where reading it throws (blocked storage, sandboxed frames). */
function safeLocalStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export const session: OzSession = pageSingleton('session@1', () => new OzSession());
