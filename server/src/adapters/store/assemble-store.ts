import type { Store, StoreRepositories } from '../../ports/store.ts';
import { WRITE_METHODS } from './lowdb-repositories.ts';

/**
 * A Store from an adapter's parts: its repositories answer reads straight from `reads`, and each
 * write method becomes a transaction of its own, so a write outside `transaction` is as safe as
 * one inside (an update reads and locks before it writes).
 */
export function assembleStore({ name, reads, transaction, close }: Pick<Store, 'name' | 'transaction' | 'close'> & { reads: StoreRepositories }): Store {
  const wrap = <K extends keyof StoreRepositories>(name: K): StoreRepositories[K] => {
    const repository = reads[name] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const wrapped: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const [method, implementation] of Object.entries(repository)) {
      wrapped[method] = WRITE_METHODS.has(method)
        ? (...args) => transaction(async (tx) => (tx[name] as unknown as typeof repository)[method]!(...args))
        : implementation;
    }
    return wrapped as unknown as StoreRepositories[K];
  };
  return {
    name,
    transaction,
    close,
    users: wrap('users'),
    tokens: wrap('tokens'),
    phoneCodes: wrap('phoneCodes'),
    documents: wrap('documents'),
    applications: wrap('applications'),
    consultations: wrap('consultations'),
    conclusions: wrap('conclusions'),
    notifications: wrap('notifications'),
    dutySlots: wrap('dutySlots'),
    messages: wrap('messages'),
    chatUnread: wrap('chatUnread'),
    presence: wrap('presence'),
    audit: wrap('audit'),
  };
}
