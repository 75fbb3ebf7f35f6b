import type { Config } from '../config.ts';
import type { Services } from '../services/index.ts';
import type { PendingAnswer } from '../services/answer-cache.ts';

export type { Principal } from '../services/accounts.ts';
import type { Principal } from '../services/accounts.ts';

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
