/** What an instance hears of the changes other instances commit. */
export interface ChangeListener {
  /** Another instance committed a write that changed answers of these topics. */
  changed(topics: readonly string[]): void;
  /** Notices may be going missing from now on (the link to the others is down), until `hearingAgain`. */
  deaf(): void;
  hearingAgain(): void;
}

/**
 * Tells the other instances of a deployment which cached answers a committed write made stale
 * (services/store-changes.ts). Adapters: none to tell (lowdb, one instance), PostgreSQL NOTIFY.
 */
export interface ChangeNotices {
  /** Resolves once the database has taken the notice; the other instances hear it moments later. */
  publish(topics: readonly string[]): Promise<void>;
  /** One listener per instance; until it is first `hearingAgain`, the instance must count itself deaf. */
  listen(listener: ChangeListener): void;
}
