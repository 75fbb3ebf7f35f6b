import type { ConsultationRecord, Store, StoreRepositories, UserRecord } from '../ports/store.ts';

/** The topics of cached answers (services/answer-cache.ts) that a write changes. */
export const TOPICS = {
  /** The public list of free duty slots. */
  slots: 'slots',
  /** People's names, shown in lists of slots and consultations. */
  names: 'names',
  /** Every consultation list (a change whose people are not at hand). */
  consultations: 'consultations',
  /** What one person's own lists show (their consultations, their unread messages). */
  person: (userId: string) => `user:${userId}`,
  /** One session ended (signed out): its live stream ends at once (routes/notifications.ts). */
  session: (tokenId: string) => `session:${tokenId}`,
  /** Every session of a person ended, or all but one (a new password): their live streams check theirs. */
  sessions: (userId: string) => `sessions:${userId}`,
  /** Anything of a person's account changed (role, password, disabled, erased): sessions checked lately are checked again. */
  account: (userId: string) => `account:${userId}`,
} as const;

type Rule = (args: unknown[], result: unknown) => string[];
const people = (consultation: ConsultationRecord) => [TOPICS.person(consultation.patientId), TOPICS.person(consultation.doctorId)];

/** Which writes change which cached reads; a write not listed changes none. */
const RULES: { [R in keyof StoreRepositories]?: Record<string, Rule> } = {
  dutySlots: { insert: () => [TOPICS.slots], update: () => [TOPICS.slots], delete: () => [TOPICS.slots] },
  consultations: {
    insert: ([consultation]) => people(consultation as ConsultationRecord),
    update: ([, changes], updated) =>
      'patientId' in (changes as object) || 'doctorId' in (changes as object) ? [TOPICS.consultations] : people(updated as ConsultationRecord),
  },
  conclusions: { insert: () => [TOPICS.consultations] },
  chatUnread: {
    addUnread: ([, userId]) => [TOPICS.person(userId as string)],
    markChatRead: ([, userId]) => [TOPICS.person(userId as string)],
    deleteByUser: ([userId]) => [TOPICS.person(userId as string)],
  },
  users: {
    update: ([id, changes]) => [TOPICS.account(id as string), ...('fullName' in (changes as Partial<UserRecord>) ? [TOPICS.names] : [])],
  },
  tokens: {
    revoke: ([tokenId]) => [TOPICS.session(tokenId as string)],
    revokeAllForUser: ([userId]) => [TOPICS.sessions(userId as string)],
  },
};

/**
 * The store, telling `committed` the topics of every write once it has committed: a write
 * outside a transaction when it resolves, the writes of a transaction when the transaction does
 * (a PostgreSQL retry only adds topics already named). The write resolves after `committed`,
 * so the next read, here or on another instance, no longer gets an answer made before it.
 */
export function trackChanges(store: Store, committed: (topics: string[]) => Promise<void>): Store {
  const tracked = <K extends keyof StoreRepositories>(name: K, repository: StoreRepositories[K], collect: (topics: string[]) => Promise<void>) => {
    const rules = RULES[name];
    if (!rules) return repository;
    const methods = repository as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const wrapped: Record<string, (...args: unknown[]) => Promise<unknown>> = { ...methods };
    for (const [method, rule] of Object.entries(rules)) {
      const write = methods[method]!;
      wrapped[method] = async (...args) => {
        const result = await write.apply(repository, args);
        const topics = rule(args, result);
        if (topics.length > 0) await collect(topics);
        return result;
      };
    }
    return wrapped as unknown as StoreRepositories[K];
  };
  const repositories = (source: StoreRepositories, collect: (topics: string[]) => Promise<void>): StoreRepositories => ({
    users: tracked('users', source.users, collect),
    tokens: tracked('tokens', source.tokens, collect),
    phoneCodes: source.phoneCodes,
    documents: source.documents,
    applications: source.applications,
    consultations: tracked('consultations', source.consultations, collect),
    conclusions: tracked('conclusions', source.conclusions, collect),
    notifications: source.notifications,
    dutySlots: tracked('dutySlots', source.dutySlots, collect),
    messages: source.messages,
    chatUnread: tracked('chatUnread', source.chatUnread, collect),
    presence: source.presence,
    audit: source.audit,
  });
  return {
    ...repositories(store, committed),
    name: store.name,
    close: () => store.close(),
    transaction: async (work) => {
      const topics = new Set<string>();
      try {
        return await store.transaction((tx) =>
          work(
            repositories(tx, async (named) => {
              for (const topic of named) topics.add(topic);
            }),
          ),
        );
      } finally {
        // Also after a failure: a commit whose answer was lost still changed the data.
        if (topics.size > 0) await committed([...topics]);
      }
    },
  };
}
