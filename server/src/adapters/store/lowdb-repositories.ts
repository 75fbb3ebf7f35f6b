import {
  DuplicateKeyError,
  RecordNotFoundError,
  type ApplicationRecord,
  type AuditRecord,
  type ChatUnreadRecord,
  type ConclusionRecord,
  type ConsultationPageRequest,
  type Page,
  type PageRequest,
  type ConsultationRecord,
  type DocumentRecord,
  type DutySlotRecord,
  type MessageRecord,
  type NotificationRecord,
  type PhoneCodeRecord,
  type PresenceRecord,
  type StoreRepositories,
  type TimeRange,
  type TokenRecord,
  type UserRecord,
} from '../../ports/store.ts';
import { pageInMemory } from './page-cursor.ts';

/** Each stored record carries its write sequence, which orders records written in the same millisecond. */
type Stored<T> = T & { seq: number };

export interface StoreData {
  schemaVersion: number;
  /** The next write sequence. */
  nextSeq: number;
  users: Stored<UserRecord>[];
  tokens: Stored<TokenRecord>[];
  phoneCodes: Stored<PhoneCodeRecord>[];
  documents: Stored<DocumentRecord>[];
  applications: Stored<ApplicationRecord>[];
  consultations: Stored<ConsultationRecord>[];
  conclusions: Stored<ConclusionRecord>[];
  notifications: Stored<NotificationRecord>[];
  dutySlots: Stored<DutySlotRecord>[];
  messages: Stored<MessageRecord>[];
  chatUnread: Stored<ChatUnreadRecord>[];
  presence: Stored<PresenceRecord>[];
  audit: Stored<AuditRecord>[];
}

/** 2: records carry `seq` (page cursors). */
export const SCHEMA_VERSION = 2;

export const COLLECTIONS = ['users', 'tokens', 'phoneCodes', 'documents', 'applications', 'consultations', 'conclusions', 'notifications', 'dutySlots', 'messages', 'chatUnread', 'presence', 'audit'] as const;

export const emptyData = (): StoreData => ({
  schemaVersion: SCHEMA_VERSION,
  nextSeq: 1,
  users: [],
  tokens: [],
  phoneCodes: [],
  documents: [],
  applications: [],
  consultations: [],
  conclusions: [],
  notifications: [],
  dutySlots: [],
  messages: [],
  chatUnread: [],
  presence: [],
  audit: [],
});

/** Files written before records had a sequence get one in the order they were written. */
export function upgradeData(data: Partial<StoreData> & { schemaVersion?: number }): StoreData {
  const upgraded = { ...emptyData(), ...data, schemaVersion: SCHEMA_VERSION } as StoreData;
  let next = upgraded.nextSeq ?? 1;
  for (const name of COLLECTIONS) {
    for (const record of upgraded[name] as { seq?: number }[]) {
      if (typeof record.seq !== 'number') record.seq = next++;
      else next = Math.max(next, record.seq + 1);
    }
  }
  upgraded.nextSeq = next;
  return upgraded;
}

/** Method names that change data; outside a transaction each becomes a transaction of its own. */
export const WRITE_METHODS = new Set(['insert', 'put', 'update', 'delete', 'revoke', 'revokeAllForUser', 'purge', 'markRead', 'markReadAbout', 'addUnread', 'markChatRead', 'claimSms', 'seen', 'deleteByUser', 'forget']);

/** Callers get copies without the sequence: changing a returned record never changes the store. */
function copy<T>(value: Stored<T>): T {
  const record: Record<string, unknown> = {};
  for (const key in value) if (key !== 'seq') record[key] = cloneData((value as Record<string, unknown>)[key]);
  return record as T;
}

/**
 * A deep copy of JSON data (what the store file holds), several times faster than structuredClone
 * on records this small; it keeps properties set to undefined, as structuredClone does.
 */
function cloneData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneData) as T;
  const clone: Record<string, unknown> = {};
  for (const key in value) clone[key] = cloneData((value as Record<string, unknown>)[key]);
  return clone as T;
}
const copyOrUndefined = <T>(value: Stored<T> | undefined): T | undefined => (value === undefined ? undefined : copy(value));

type Collections = Omit<StoreData, 'schemaVersion' | 'nextSeq'>;
type Item<K extends keyof Collections> = Collections[K][number] extends Stored<infer T> ? T : never;

/** find / filter / insert / update / remove over one array of records. */
function collection<K extends keyof Collections>(data: () => StoreData, key: K, entity: string) {
  type Row = Stored<Item<K>>;
  const rows = () => data()[key] as unknown as Row[];
  return {
    rows,
    find: (predicate: (item: Row) => boolean) => copyOrUndefined<Item<K>>(rows().find(predicate)),
    filter: (predicate: (item: Row) => boolean) => rows().filter(predicate),
    insert: (item: Item<K>) => {
      const store = data();
      rows().push(Object.assign(cloneData(item) as object, { seq: store.nextSeq }) as Row);
      store.nextSeq += 1;
    },
    update: (id: string, changes: Partial<Item<K>>, check?: (next: Row) => void) => {
      const row = rows().find((candidate) => (candidate as { id?: string }).id === id);
      if (!row) throw new RecordNotFoundError(entity, id);
      const next = Object.assign({}, row, cloneData(changes)) as Row;
      check?.(next);
      Object.assign(row, next);
      return copy<Item<K>>(row);
    },
    remove: (predicate: (item: Row) => boolean) => {
      const index = rows().findIndex(predicate);
      if (index >= 0) rows().splice(index, 1);
    },
  };
}

/** One page of stored rows ordered by (key, seq); only the records on the page are copied out. */
function pageOf<T extends { seq: number }>(rows: T[], key: (row: T) => string, order: 'asc' | 'desc', request: PageRequest): Page<Omit<T, 'seq'>> {
  const page = pageInMemory(rows.map((row) => ({ record: row, key: key(row), seq: row.seq })), order, request);
  return { items: page.items.map((row) => copy(row)), nextCursor: page.nextCursor };
}

const endOf = (item: { startsAt: string; durationMinutes: number }) =>
  new Date(Date.parse(item.startsAt) + item.durationMinutes * 60_000).toISOString();

/** Shares a moment with [startsAt, endsAt); ISO strings of one format compare as times. */
const overlaps = (item: { startsAt: string; durationMinutes: number }, startsAt: string, endsAt: string) =>
  item.startsAt < endsAt && startsAt < endOf(item);

const inRange = (startsAt: string, range: TimeRange) =>
  (range.from === undefined || startsAt >= range.from) && (range.to === undefined || startsAt < range.to);

/**
 * Looks rows up by a unique key through a Map made once per committed state of the store
 * (`committed()`: a number that changes with every transaction, undefined while one runs), not by
 * walking the array: the token and user looked up on every signed-in request are then found in
 * the same time among a hundred or a hundred thousand. While a transaction runs, its own changes
 * are in no index, so the array is walked.
 */
function uniqueIndex<Row>(rows: () => Row[], key: (row: Row) => string, committed: () => number | undefined) {
  let madeFor: number | undefined;
  let byKey = new Map<string, Row>();
  return (value: string): Row | undefined => {
    const state = committed();
    if (state === undefined) return rows().find((row) => key(row) === value);
    if (madeFor !== state) {
      byKey = new Map();
      for (const row of rows()) if (!byKey.has(key(row))) byKey.set(key(row), row);
      madeFor = state;
    }
    return byKey.get(value);
  };
}

/**
 * Repositories over the in-memory data; the store holds its mutex around writes. `committed`
 * (see uniqueIndex) lets lookups by id use an index; without it they walk the arrays.
 */
export function lowdbRepositories(data: () => StoreData, committed: () => number | undefined = () => undefined): StoreRepositories {
  const users = collection(data, 'users', 'user');
  const tokens = collection(data, 'tokens', 'token');
  const userById = uniqueIndex(users.rows, (user) => user.id, committed);
  const tokenByHash = uniqueIndex(tokens.rows, (token) => token.tokenHash, committed);
  const phoneCodes = collection(data, 'phoneCodes', 'phone code');
  const documents = collection(data, 'documents', 'document');
  const applications = collection(data, 'applications', 'application');
  const consultations = collection(data, 'consultations', 'consultation');
  const conclusions = collection(data, 'conclusions', 'conclusion');
  const notifications = collection(data, 'notifications', 'notification');
  const dutySlots = collection(data, 'dutySlots', 'duty slot');
  const messages = collection(data, 'messages', 'message');
  const chatUnread = collection(data, 'chatUnread', 'chat');
  const presence = collection(data, 'presence', 'presence');
  const audit = collection(data, 'audit', 'audit entry');
  const unreadAbout = (userId: string, kind: NotificationRecord['kind'], consultationId: string) => (n: NotificationRecord) =>
    n.userId === userId && n.kind === kind && n.readAt === null && n.data.consultationId === consultationId;
  const smsDue = (row: ChatUnreadRecord, messagedAfter: string, smsBefore: string) =>
    row.count > 0 && row.lastMessageAt > messagedAfter && (row.smsAt === null || (row.smsAt < row.lastMessageAt && row.smsAt < smsBefore));

  // The same unique rules as the PostgreSQL schema's constraints, so both adapters refuse alike.
  const checkPhone = (user: UserRecord) => {
    if (users.rows().some((other) => other.phone === user.phone && other.id !== user.id)) throw new DuplicateKeyError('phone');
  };
  const checkWaiting = (application: ApplicationRecord) => {
    if (application.status !== 'submitted') return;
    const other = applications.rows().find(
      (a) => a.id !== application.id && a.patientId === application.patientId && a.centerId === application.centerId && a.status === 'submitted',
    );
    if (other) throw new DuplicateKeyError('waitingApplication');
  };
  const checkConsultation = (consultation: ConsultationRecord) => {
    if (consultation.slotId && consultation.status !== 'cancelled') {
      const taken = consultations.rows().some((c) => c.id !== consultation.id && c.slotId === consultation.slotId && c.status !== 'cancelled');
      if (taken) throw new DuplicateKeyError('slotId');
    }
    if (consultation.status === 'scheduled') {
      const clash = consultations.rows().some(
        (c) => c.id !== consultation.id && c.doctorId === consultation.doctorId && c.status === 'scheduled' && overlaps(c, consultation.startsAt, endOf(consultation)),
      );
      if (clash) throw new DuplicateKeyError('doctorTime');
    }
  };
  const checkSlot = (slot: DutySlotRecord) => {
    const clash = dutySlots.rows().some((s) => s.id !== slot.id && s.doctorId === slot.doctorId && overlaps(s, slot.startsAt, endOf(slot)));
    if (clash) throw new DuplicateKeyError('doctorTime');
  };
  /** Drops every record of a collection that matches; returns how many went. */
  const removeAll = <K extends 'notifications' | 'chatUnread' | 'presence'>(key: K, match: (row: Collections[K][number]) => boolean): number => {
    const rows = data()[key] as Collections[K][number][];
    const keep = rows.filter((row) => !match(row));
    (data()[key] as Collections[K][number][]) = keep;
    return rows.length - keep.length;
  };
  const checkId = (rows: { id: string }[], id: string) => {
    if (rows.some((row) => row.id === id)) throw new DuplicateKeyError('id');
  };

  const pageConsultations = (match: (c: ConsultationRecord) => boolean, page: ConsultationPageRequest) =>
    pageOf(
      consultations.filter((c) => match(c) && inRange(c.startsAt, page)), (c) => c.startsAt,
      page.order ?? 'asc',
      page,
    );

  return {
    users: {
      findById: async (id) => copyOrUndefined(userById(id)),
      findByPhone: async (phone) => users.find((user) => user.phone === phone),
      findByIds: async (ids) => {
        const wanted = new Set(ids);
        return users.filter((user) => wanted.has(user.id)).map((user) => copy(user));
      },
      count: async () => users.rows().length,
      listStaff: async () =>
        users
          .filter((user) => user.role !== 'patient')
          .map((user) => copy(user))
          .sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru') || a.id.localeCompare(b.id)),
      insert: async (user) => {
        checkId(users.rows(), user.id);
        checkPhone(user);
        users.insert(user);
      },
      update: async (id, changes) => users.update(id, changes, checkPhone),
    },
    tokens: {
      insert: async (token) => {
        checkId(tokens.rows(), token.id);
        tokens.insert(token);
      },
      findByHash: async (tokenHash) => copyOrUndefined(tokenByHash(tokenHash)),
      findById: async (id) => tokens.find((token) => token.id === id),
      revoke: async (id, at) => {
        const token = tokens.rows().find((candidate) => candidate.id === id);
        if (token && token.revokedAt === null) token.revokedAt = at;
      },
      revokeAllForUser: async (userId, at, keepId) => {
        let revoked = 0;
        for (const token of tokens.rows()) {
          if (token.userId === userId && token.id !== keepId && token.revokedAt === null) {
            token.revokedAt = at;
            revoked += 1;
          }
        }
        return revoked;
      },
      purge: async (before) => {
        const keep = tokens.rows().filter((token) => token.expiresAt >= before && (token.revokedAt ?? before) >= before);
        const removed = tokens.rows().length - keep.length;
        data().tokens = keep;
        return removed;
      },
    },
    phoneCodes: {
      // Transactions already run one at a time here.
      findByIdForUpdate: async (id) => phoneCodes.find((code) => code.id === id),
      put: async (code) => {
        phoneCodes.remove((other) => other.id === code.id);
        phoneCodes.insert(code);
      },
      update: async (id, changes) => phoneCodes.update(id, changes),
      delete: async (id) => phoneCodes.remove((code) => code.id === id),
      purge: async (before) => {
        const keep = phoneCodes.rows().filter((code) => code.expiresAt >= before);
        const removed = phoneCodes.rows().length - keep.length;
        data().phoneCodes = keep;
        return removed;
      },
    },
    documents: {
      insert: async (document) => {
        checkId(documents.rows(), document.id);
        documents.insert(document);
      },
      findById: async (id) => documents.find((document) => document.id === id),
      listByOwner: async (ownerId) =>
        pageOf(documents.filter((d) => d.ownerId === ownerId), (d) => d.uploadedAt, 'desc', { limit: Number.MAX_SAFE_INTEGER }).items,
      delete: async (id) => documents.remove((document) => document.id === id),
    },
    applications: {
      insert: async (application) => {
        checkId(applications.rows(), application.id);
        checkWaiting(application);
        applications.insert(application);
      },
      findById: async (id) => applications.find((application) => application.id === id),
      update: async (id, changes) => applications.update(id, changes, checkWaiting),
      listByPatient: async (patientId) =>
        pageOf(applications.filter((a) => a.patientId === patientId), (a) => a.createdAt, 'desc', { limit: Number.MAX_SAFE_INTEGER }).items,
      findWaiting: async (patientId, centerId) =>
        applications.find((a) => a.patientId === patientId && a.centerId === centerId && a.status === 'submitted'),
      pageByCenter: async (centerId, status, page) =>
        pageOf(
          applications.filter((a) => a.centerId === centerId && (!status || a.status === status)), (a) => a.createdAt,
          'asc',
          page,
        ),
    },
    consultations: {
      insert: async (consultation) => {
        checkId(consultations.rows(), consultation.id);
        checkConsultation(consultation);
        consultations.insert(consultation);
      },
      findById: async (id) => consultations.find((consultation) => consultation.id === id),
      update: async (id, changes) => consultations.update(id, changes, checkConsultation),
      pageByPatient: async (patientId, page) => pageConsultations((c) => c.patientId === patientId, page),
      pageByDoctor: async (doctorId, page) => pageConsultations((c) => c.doctorId === doctorId, page),
      findScheduledOverlapping: async (doctorId, startsAt, endsAt) =>
        consultations.find((c) => c.doctorId === doctorId && c.status === 'scheduled' && overlaps(c, startsAt, endsAt)),
      countUpcomingDuty: async (patientId, after) =>
        consultations.filter((c) => c.patientId === patientId && c.kind === 'duty' && c.status === 'scheduled' && c.startsAt > after).length,
      existsWith: async (patientId, doctorId) => consultations.rows().some((c) => c.patientId === patientId && c.doctorId === doctorId),
    },
    conclusions: {
      insert: async (conclusion) => {
        if (conclusions.rows().some((existing) => existing.consultationId === conclusion.consultationId)) {
          throw new DuplicateKeyError('consultationId');
        }
        conclusions.insert(conclusion);
      },
      findByConsultation: async (consultationId) => conclusions.find((conclusion) => conclusion.consultationId === consultationId),
      findByConsultations: async (consultationIds) => {
        const wanted = new Set(consultationIds);
        return conclusions.filter((conclusion) => wanted.has(conclusion.consultationId)).map((conclusion) => copy(conclusion));
      },
    },
    notifications: {
      insert: async (notification) => {
        checkId(notifications.rows(), notification.id);
        notifications.insert(notification);
      },
      pageByUser: async (userId, page) =>
        pageOf(notifications.filter((n) => n.userId === userId), (n) => n.createdAt, 'desc', page),
      countUnread: async (userId) => notifications.filter((n) => n.userId === userId && n.readAt === null).length,
      markRead: async (id, userId, at) => {
        const notification = notifications.rows().find((candidate) => candidate.id === id && candidate.userId === userId);
        if (!notification) return undefined;
        notification.readAt ??= at;
        return copy(notification);
      },
      findUnreadAbout: async (userId, kind, consultationId) => notifications.find(unreadAbout(userId, kind, consultationId)),
      update: async (id, changes) => notifications.update(id, changes),
      markReadAbout: async (userId, kind, consultationId, at) => {
        const marked = notifications.filter(unreadAbout(userId, kind, consultationId));
        for (const notification of marked) notification.readAt = at;
        return marked.map((notification) => copy(notification));
      },
      deleteByUser: async (userId) => removeAll('notifications', (n) => n.userId === userId),
    },
    dutySlots: {
      insert: async (slot) => {
        checkId(dutySlots.rows(), slot.id);
        checkSlot(slot);
        dutySlots.insert(slot);
      },
      findById: async (id) => dutySlots.find((slot) => slot.id === id),
      // Transactions already run one at a time here.
      findByIdForUpdate: async (id) => dutySlots.find((slot) => slot.id === id),
      update: async (id, changes) => dutySlots.update(id, changes, checkSlot),
      delete: async (id) => dutySlots.remove((slot) => slot.id === id),
      pageFree: async (range, centerId, page) =>
        pageOf(
          dutySlots.filter((s) => s.consultationId === null && inRange(s.startsAt, range) && (!centerId || s.centerId === centerId)), (s) => s.startsAt,
          'asc',
          page,
        ),
      pageByDoctor: async (doctorId, range, page) =>
        pageOf(dutySlots.filter((s) => s.doctorId === doctorId && inRange(s.startsAt, range)), (s) => s.startsAt, 'asc', page),
      findOverlapping: async (doctorId, startsAt, endsAt) => dutySlots.find((s) => s.doctorId === doctorId && overlaps(s, startsAt, endsAt)),
    },
    audit: {
      // Ids are random (services/tokens.ts newId); a growing trail is not scanned for each one.
      append: async (entries) => {
        for (const entry of entries) audit.insert(entry);
      },
      pageByPatient: async (patientId, page, exceptActor) =>
        pageOf(audit.filter((e) => e.patientId === patientId && e.actorId !== exceptActor), (e) => e.at, 'desc', page),
    },
    messages: {
      insert: async (message) => {
        checkId(messages.rows(), message.id);
        messages.insert(message);
      },
      pageByConsultation: async (consultationId, page) =>
        pageOf(messages.filter((m) => m.consultationId === consultationId), (m) => m.createdAt, 'desc', page),
    },
    chatUnread: {
      addUnread: async (consultationId, userId, at) => {
        const row = chatUnread.rows().find((r) => r.consultationId === consultationId && r.userId === userId);
        if (!row) {
          chatUnread.insert({ consultationId, userId, count: 1, lastMessageAt: at, smsAt: null });
          return { consultationId, userId, count: 1, lastMessageAt: at, smsAt: null };
        }
        row.count += 1;
        if (at > row.lastMessageAt) row.lastMessageAt = at;
        return copy(row);
      },
      markChatRead: async (consultationId, userId) => {
        const row = chatUnread.rows().find((r) => r.consultationId === consultationId && r.userId === userId);
        const was = row?.count ?? 0;
        if (row) row.count = 0;
        return was;
      },
      findByUser: async (userId, consultationIds) => {
        const wanted = new Set(consultationIds);
        return chatUnread.filter((r) => r.userId === userId && wanted.has(r.consultationId)).map((r) => copy(r));
      },
      listSmsDue: async (messagedAfter, smsBefore, limit) =>
        chatUnread
          .filter((r) => smsDue(r, messagedAfter, smsBefore))
          .sort((a, b) => (a.lastMessageAt < b.lastMessageAt ? -1 : 1))
          .slice(0, limit)
          .map((r) => copy(r)),
      claimSms: async (consultationId, userId, at, smsBefore) => {
        const row = chatUnread.rows().find((r) => r.consultationId === consultationId && r.userId === userId);
        if (!row || !smsDue(row, '', smsBefore)) return false;
        row.smsAt = at;
        return true;
      },
      deleteByUser: async (userId) => removeAll('chatUnread', (r) => r.userId === userId),
    },
    presence: {
      seen: async (userId, at) => {
        const row = presence.rows().find((r) => r.userId === userId);
        if (!row) presence.insert({ userId, seenAt: at });
        else if (at > row.seenAt) row.seenAt = at;
      },
      lastSeen: async (userId) => presence.rows().find((r) => r.userId === userId)?.seenAt,
      forget: async (userId) => {
        removeAll('presence', (r) => r.userId === userId);
      },
    },
  };
}
