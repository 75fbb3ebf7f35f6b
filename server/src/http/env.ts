import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import type { UserRecord } from '../ports/store.ts';
import type { PendingAnswer } from '../services/answer-cache.ts';

export interface Principal {
  user: UserRecord;
  tokenId: string;
}

/** Hono's context, declared once for every route. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    config: Config;
    services: Services;
    /** Where the handler's answer goes in the cache (http/cached-answer.ts). */
    pendingAnswer: PendingAnswer;
  };
}
