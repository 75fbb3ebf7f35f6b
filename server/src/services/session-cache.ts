import type { Principal } from './accounts.ts';
import type { ReadVersions } from './read-versions.ts';
import { TOPICS } from './store-changes.ts';

/**
 * The longest a checked session is taken on trust without the store, even with no change heard:
 * the bound on how long a session ended behind the API's back (a lost notice between instances,
 * the `oz` CLI straight into the database) still opens reads. Short: enough for a burst of one
 * page's requests, far below the answers' 30 s (services/answer-cache.ts).
 */
export const SESSION_MAX_AGE_MS = 5_000;
/** Sessions remembered; the oldest go first beyond it. */
const MAX_SESSIONS = 20_000;

interface Entry {
  principal: Principal;
  stamp: number;
  topics: readonly string[];
  /** Epoch ms: the token's expiry or the maximum age, whichever comes first. */
  until: number;
}

/**
 * Sessions checked lately, by token hash, so that a burst of requests with one token (a page's
 * widgets loading, a list asked again) reads the token and its user from the store once. An entry
 * holds while its session, its user's sessions and its user's account are unchanged (topics of
 * services/store-changes.ts, heard from the other instances as the cached answers' are), never past
 * the token's expiry and at most SESSION_MAX_AGE_MS. The principal is frozen: every request that
 * shares it reads it only.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly versions: ReadVersions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(tokenHash: string): Principal | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > this.now().getTime() && this.versions.isFresh(entry.stamp, entry.topics)) return entry.principal;
    this.#entries.delete(tokenHash);
    return undefined;
  }

  /** Taken before the session is read from the store (read-versions.ts). */
  stamp(): number {
    return this.versions.stamp();
  }

  /** Remembers a session read after `stamp`, valid until `expiresAt` (epoch ms); returns its principal, frozen. */
  put(tokenHash: string, principal: Principal, stamp: number, expiresAt: number): Principal {
    const frozen = deepFreeze(principal);
    const { user, tokenId } = principal;
    const topics = [TOPICS.session(tokenId), TOPICS.sessions(user.id), TOPICS.account(user.id)];
    if (!this.versions.isFresh(stamp, topics)) return frozen;
    this.#entries.delete(tokenHash);
    this.#entries.set(tokenHash, { principal: frozen, stamp, topics, until: Math.min(expiresAt, this.now().getTime() + SESSION_MAX_AGE_MS) });
    if (this.#entries.size > MAX_SESSIONS) this.#entries.delete(this.#entries.keys().next().value!);
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
