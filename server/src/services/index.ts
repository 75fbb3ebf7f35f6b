import type { Config } from '../config.ts';
import type { Store } from '../ports/store.ts';
import { AccountService } from './accounts.ts';
import { RateLimiter } from './rate-limiter.ts';

export interface Services {
  store: Store;
  accounts: AccountService;
  signInLimiter: RateLimiter;
}

export function createServices(store: Store, config: Config, now: () => Date = () => new Date()): Services {
  return {
    store,
    accounts: new AccountService(store, config.tokenTtlMs, now),
    signInLimiter: new RateLimiter(config.rateLimitPerMinute, 60_000, () => now().getTime()),
  };
}
