import {
  DuplicateKeyError,
  RecordNotFoundError,
  type ApplicationRecord,
  type ConclusionRecord,
  type ConsultationRecord,
  type DocumentRecord,
  type DutySlotRecord,
  type MessageRecord,
  type NotificationRecord,
  type StoreRepositories,
  type TokenRecord,
  type UserRecord,
} from '../../ports/store.ts';

export interface StoreData {
  schemaVersion: number;
  users: UserRecord[];
  tokens: TokenRecord[];
  documents: DocumentRecord[];
  applications: ApplicationRecord[];
  consultations: ConsultationRecord[];
  conclusions: ConclusionRecord[];
  notifications: NotificationRecord[];
  dutySlots: DutySlotRecord[];
  messages: MessageRecord[];
}

export const SCHEMA_VERSION = 1;

export const emptyData = (): StoreData => ({
  schemaVersion: SCHEMA_VERSION,
  users: [],
  tokens: [],
  documents: [],
  applications: [],
  consultations: [],
  conclusions: [],
  notifications: [],
  dutySlots: [],
  messages: [],
});

/** Method names that change data; outside a transaction each becomes a transaction of its own. */
export const WRITE_METHODS = new Set(['insert', 'update', 'delete', 'revoke', 'revokeAllForUser', 'purge', 'markRead']);

// Callers get copies: changing a returned record must never change the store behind its back.
const copy = <T>(value: T): T => structuredClone(value);
const copyOrUndefined = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : copy(value));

type Collections = Omit<StoreData, 'schemaVersion'>;

/** find / filter / insert / update / remove over one array of records with an `id`. */
function collection<K extends keyof Collections>(data: () => StoreData, key: K, entity: string) {
  type Item = Collections[K][number];
  const items = () => data()[key] as Item[];
  return {
    find: (predicate: (item: Item) => boolean) => copyOrUndefined(items().find(predicate)),
    filter: (predicate: (item: Item) => boolean) => items().filter(predicate).map(copy),
    insert: (item: Item) => {
      items().push(copy(item));
    },
    update: (predicate: (item: Item) => boolean, id: string, changes: Partial<Item>) => {
      const item = items().find(predicate);
      if (!item) throw new RecordNotFoundError(entity, id);
      Object.assign(item, copy(changes));
      return copy(item);
    },
    remove: (predicate: (item: Item) => boolean) => {
      const index = items().findIndex(predicate);
      if (index >= 0) items().splice(index, 1);
    },
  };
}

const byTime = <T>(pick: (item: T) => string, direction: 1 | -1) => (a: T, b: T) =>
  direction * (pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : 0);

/** Newest first; of two written in the same millisecond, the later written comes first. */
const newestFirst = <T>(items: T[], pick: (item: T) => string) => items.reverse().sort(byTime(pick, -1));

/** Repositories over the in-memory data; the store holds its mutex around writes. */
export function lowdbRepositories(data: () => StoreData): StoreRepositories {
  const users = collection(data, 'users', 'user');
  const tokens = collection(data, 'tokens', 'token');
  const documents = collection(data, 'documents', 'document');
  const applications = collection(data, 'applications', 'application');
  const consultations = collection(data, 'consultations', 'consultation');
  const conclusions = collection(data, 'conclusions', 'conclusion');
  const notifications = collection(data, 'notifications', 'notification');
  const dutySlots = collection(data, 'dutySlots', 'duty slot');
  const messages = collection(data, 'messages', 'message');
  return {
    users: {
      findById: async (id) => users.find((user) => user.id === id),
      findByPhone: async (phone) => users.find((user) => user.phone === phone),
      count: async () => data().users.length,
      insert: async (user) => {
        if (data().users.some((existing) => existing.phone === user.phone)) throw new DuplicateKeyError('phone');
        users.insert(user);
      },
      update: async (id, changes) => {
        if (changes.phone && data().users.some((other) => other.phone === changes.phone && other.id !== id)) {
          throw new DuplicateKeyError('phone');
        }
        return users.update((user) => user.id === id, id, changes);
      },
    },
    tokens: {
      insert: async (token) => tokens.insert(token),
      findByHash: async (tokenHash) => tokens.find((token) => token.tokenHash === tokenHash),
      findById: async (id) => tokens.find((token) => token.id === id),
      revoke: async (id, at) => {
        const token = data().tokens.find((candidate) => candidate.id === id);
        if (token && token.revokedAt === null) token.revokedAt = at;
      },
      revokeAllForUser: async (userId, at, keepId) => {
        let revoked = 0;
        for (const token of data().tokens) {
          if (token.userId === userId && token.id !== keepId && token.revokedAt === null) {
            token.revokedAt = at;
            revoked += 1;
          }
        }
        return revoked;
      },
      purge: async (before) => {
        const keep = data().tokens.filter((token) => token.expiresAt >= before && (token.revokedAt ?? before) >= before);
        const removed = data().tokens.length - keep.length;
        data().tokens = keep;
        return removed;
      },
    },
    documents: {
      insert: async (document) => documents.insert(document),
      findById: async (id) => documents.find((document) => document.id === id),
      listByOwner: async (ownerId) =>
        newestFirst(documents.filter((document) => document.ownerId === ownerId), (d) => d.uploadedAt),
      delete: async (id) => documents.remove((document) => document.id === id),
    },
    applications: {
      insert: async (application) => applications.insert(application),
      findById: async (id) => applications.find((application) => application.id === id),
      update: async (id, changes) => applications.update((application) => application.id === id, id, changes),
      listByPatient: async (patientId) =>
        newestFirst(applications.filter((application) => application.patientId === patientId), (a) => a.createdAt),
      listByCenter: async (centerId, status) =>
        applications
          .filter((application) => application.centerId === centerId && (!status || application.status === status))
          .sort(byTime((a) => a.createdAt, 1)),
    },
    consultations: {
      insert: async (consultation) => consultations.insert(consultation),
      findById: async (id) => consultations.find((consultation) => consultation.id === id),
      update: async (id, changes) => consultations.update((consultation) => consultation.id === id, id, changes),
      listByPatient: async (patientId) =>
        consultations.filter((consultation) => consultation.patientId === patientId).sort(byTime((c) => c.startsAt, 1)),
      listByDoctor: async (doctorId) =>
        consultations.filter((consultation) => consultation.doctorId === doctorId).sort(byTime((c) => c.startsAt, 1)),
    },
    conclusions: {
      insert: async (conclusion) => {
        if (data().conclusions.some((existing) => existing.consultationId === conclusion.consultationId)) {
          throw new DuplicateKeyError('consultationId');
        }
        conclusions.insert(conclusion);
      },
      findByConsultation: async (consultationId) => conclusions.find((conclusion) => conclusion.consultationId === consultationId),
    },
    notifications: {
      insert: async (notification) => notifications.insert(notification),
      listByUser: async (userId, limit) =>
        newestFirst(notifications.filter((notification) => notification.userId === userId), (n) => n.createdAt).slice(0, limit),
      countUnread: async (userId) =>
        data().notifications.filter((notification) => notification.userId === userId && notification.readAt === null).length,
      markRead: async (id, userId, at) => {
        const notification = data().notifications.find((candidate) => candidate.id === id && candidate.userId === userId);
        if (!notification) return undefined;
        notification.readAt ??= at;
        return copy(notification);
      },
    },
    dutySlots: {
      insert: async (slot) => dutySlots.insert(slot),
      findById: async (id) => dutySlots.find((slot) => slot.id === id),
      update: async (id, changes) => dutySlots.update((slot) => slot.id === id, id, changes),
      delete: async (id) => dutySlots.remove((slot) => slot.id === id),
      listStartingBetween: async (from, to, centerId) =>
        dutySlots
          .filter((slot) => slot.startsAt >= from && slot.startsAt < to && (!centerId || slot.centerId === centerId))
          .sort(byTime((slot) => slot.startsAt, 1)),
      listByDoctor: async (doctorId) =>
        dutySlots.filter((slot) => slot.doctorId === doctorId).sort(byTime((slot) => slot.startsAt, 1)),
    },
    messages: {
      insert: async (message) => messages.insert(message),
      listByConsultation: async (consultationId) =>
        messages.filter((message) => message.consultationId === consultationId).sort(byTime((m) => m.createdAt, 1)),
    },
  };
}
