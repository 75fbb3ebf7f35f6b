import type {
  ApplicationSource,
  AuditAction,
  AuditSubjectType,
  ApplicationStatus,
  CenterId,
  ConclusionOutcome,
  ConsultationKind,
  ConsultationStatus,
  DocumentKind,
  DocumentMediaType,
  Notification,
  Role,
} from '@oz/contracts';

/** A user as stored: the public User plus what never leaves the server. */
export interface UserRecord {
  id: string;
  role: Role;
  fullName: string;
  phone: string;
  email: string | null;
  birthDate: string | null;
  centerId: CenterId | null;
  isDutyDoctor: boolean;
  mustChangePassword: boolean;
  passwordHash: string;
  /** When the one-time password from an SMS stops working; null once the user set their own. */
  otpExpiresAt?: string | null;
  /** When the phone was proved (an SMS code, or signing in with the SMS one-time password); null/absent: not yet. */
  phoneConfirmedAt?: string | null;
  /** A staff account the manager disabled: it cannot sign in. Null/absent: active. */
  disabledAt?: string | null;
  /**
   * «Удалить аккаунт»: when the patient erased it. Contacts, password and consent are gone; the
   * name and birth date stay on the kept medical records. Null/absent: a live account.
   */
  erasedAt?: string | null;
  /** 152-FZ consent: when it was given and which text version. Null for staff created by the CLI. */
  consent: { at: string; version: string } | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A live SMS code, one per phone and purpose. Kept in the store, not in memory, so that
 * every API instance checks the same code and counts the same tries.
 */
export interface PhoneCodeRecord {
  /** `<purpose>:<phone>`: asking again replaces the code. */
  id: string;
  phone: string;
  purpose: 'register' | 'reset' | 'confirm';
  /** `salt$sha256(salt + code)` (base64url); the code itself is never stored. */
  codeHash: string;
  /** Wrong tries so far; at 5 the code is used up. */
  failedAttempts: number;
  sentAt: string;
  expiresAt: string;
}

export interface TokenRecord {
  id: string;
  userId: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface DocumentRecord {
  id: string;
  ownerId: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  /** The FileStore's key: generated, never derived from the uploaded name. */
  storageKey: string;
  uploadedAt: string;
}

export interface ApplicationRecord {
  id: string;
  patientId: string;
  centerId: CenterId;
  disease: string;
  diagnosis: string;
  complaints: string;
  documentIds: string[];
  status: ApplicationStatus;
  source: ApplicationSource;
  referral: { referringDoctor: string; organization: string; importedAt: string } | null;
  declineReason: string | null;
  consultationId: string | null;
  reviewedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConsultationRecord {
  id: string;
  kind: ConsultationKind;
  status: ConsultationStatus;
  centerId: CenterId;
  patientId: string;
  doctorId: string;
  applicationId: string | null;
  slotId: string | null;
  topic: string | null;
  channel: 'video';
  startsAt: string;
  durationMinutes: number;
  cancelledBy: 'patient' | 'doctor' | null;
  cancelReason: string | null;
  /** When the doctor ended the call; null while it is not ended (absent in lowdb records written before). */
  callEndedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DutySlotRecord {
  id: string;
  doctorId: string;
  centerId: CenterId;
  startsAt: string;
  durationMinutes: number;
  consultationId: string | null;
  createdAt: string;
}

export interface MessageRecord {
  id: string;
  consultationId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export interface ConclusionRecord {
  consultationId: string;
  doctorId: string;
  text: string;
  recommendations: string;
  outcome: ConclusionOutcome;
  createdAt: string;
}

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: Notification['kind'];
  text: string;
  data: Notification['data'];
  createdAt: string;
  readAt: string | null;
}

/** One participant's unread state in one consultation's chat (absent: nothing ever unread). */
export interface ChatUnreadRecord {
  consultationId: string;
  userId: string;
  /** Messages from the other side since the user last read the chat. */
  count: number;
  /** When the latest of them came; an SMS tells of the messages before its own time. */
  lastMessageAt: string;
  /** When the last SMS about this chat went to the user; null: never. */
  smsAt: string | null;
}

/**
 * One entry of the audit trail: a read of a patient's medical data by someone else, or a change of
 * a status. Append-only: never updated, never deleted (not even with the patient's account).
 */
export interface AuditRecord {
  id: string;
  at: string;
  actorId: string;
  actorRole: Role;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  patientId: string;
  /** The new status, for a change of status. */
  status: string | null;
  /** The client's address as the server saw it. */
  address: string | null;
}

/** When the user was last online: an authenticated request, or an open live stream. */
export interface PresenceRecord {
  userId: string;
  seenAt: string;
}

/** One page of a list that grows with the program; `cursor` is what the previous page's `nextCursor` said. */
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

/** A stretch of time [from, to) over a record's start; either end may be open. */
export interface TimeRange {
  from?: string | undefined;
  to?: string | undefined;
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  findByPhone(phone: string): Promise<UserRecord | undefined>;
  /** The users of these ids that exist, in no particular order: one query for a page's people. */
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  count(): Promise<number>;
  /** Doctors and managers (a few dozen), by name. */
  listStaff(): Promise<UserRecord[]>;
  /** Fails with DuplicateKeyError('phone') when the phone is taken. */
  insert(user: UserRecord): Promise<void>;
  update(id: string, changes: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord>;
}

export interface TokenRepository {
  insert(token: TokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<TokenRecord | undefined>;
  findById(id: string): Promise<TokenRecord | undefined>;
  revoke(id: string, at: string): Promise<void>;
  /** Revokes every live token of a user except `keepId`. */
  revokeAllForUser(userId: string, at: string, keepId?: string): Promise<number>;
  /** Drops tokens that expired or were revoked before `before`. */
  purge(before: string): Promise<number>;
}

export interface PhoneCodeRepository {
  /** The code, held until the transaction ends (two instances checking one code count both tries). */
  findByIdForUpdate(id: string): Promise<PhoneCodeRecord | undefined>;
  /** Inserts or replaces the code of that id. */
  put(code: PhoneCodeRecord): Promise<void>;
  update(id: string, changes: Partial<Omit<PhoneCodeRecord, 'id'>>): Promise<PhoneCodeRecord>;
  delete(id: string): Promise<void>;
  /** Drops codes that expired before `before`; returns how many. */
  purge(before: string): Promise<number>;
}

export interface DocumentRepository {
  insert(document: DocumentRecord): Promise<void>;
  findById(id: string): Promise<DocumentRecord | undefined>;
  /** Newest first; a patient's documents are few. */
  listByOwner(ownerId: string): Promise<DocumentRecord[]>;
  delete(id: string): Promise<void>;
}

export interface ApplicationRepository {
  /** Fails with DuplicateKeyError('waitingApplication') when the patient already waits at that center. */
  insert(application: ApplicationRecord): Promise<void>;
  findById(id: string): Promise<ApplicationRecord | undefined>;
  update(id: string, changes: Partial<Omit<ApplicationRecord, 'id'>>): Promise<ApplicationRecord>;
  /** Newest first; a patient's applications are few. */
  listByPatient(patientId: string): Promise<ApplicationRecord[]>;
  /** The patient's application waiting for review at the center, if any (at most one). */
  findWaiting(patientId: string, centerId: CenterId): Promise<ApplicationRecord | undefined>;
  /** A center's queue, oldest first: the order it is worked in. */
  pageByCenter(centerId: CenterId, status: ApplicationStatus | undefined, page: PageRequest): Promise<Page<ApplicationRecord>>;
}

export interface ConsultationPageRequest extends PageRequest, TimeRange {
  /** By start time: `asc` (default) or `desc`. */
  order?: 'asc' | 'desc' | undefined;
}

export interface ConsultationRepository {
  /**
   * Fails with DuplicateKeyError('slotId') when the duty slot already has a live consultation,
   * and with DuplicateKeyError('doctorTime') when it overlaps another scheduled one of the doctor.
   */
  insert(consultation: ConsultationRecord): Promise<void>;
  findById(id: string): Promise<ConsultationRecord | undefined>;
  update(id: string, changes: Partial<Omit<ConsultationRecord, 'id'>>): Promise<ConsultationRecord>;
  pageByPatient(patientId: string, page: ConsultationPageRequest): Promise<Page<ConsultationRecord>>;
  pageByDoctor(doctorId: string, page: ConsultationPageRequest): Promise<Page<ConsultationRecord>>;
  /** The first scheduled consultation of the doctor sharing a moment with [startsAt, endsAt). */
  findScheduledOverlapping(doctorId: string, startsAt: string, endsAt: string): Promise<ConsultationRecord | undefined>;
  /** Scheduled duty consultations of the patient starting after `after`. */
  countUpcomingDuty(patientId: string, after: string): Promise<number>;
  /** Whether the patient has ever had a consultation with the doctor. */
  existsWith(patientId: string, doctorId: string): Promise<boolean>;
}

export interface ConclusionRepository {
  /** Fails with DuplicateKeyError('consultationId') when the consultation already has one. */
  insert(conclusion: ConclusionRecord): Promise<void>;
  findByConsultation(consultationId: string): Promise<ConclusionRecord | undefined>;
  /** The conclusions of these consultations that have one, in no particular order. */
  findByConsultations(consultationIds: readonly string[]): Promise<ConclusionRecord[]>;
}

export interface NotificationRepository {
  insert(notification: NotificationRecord): Promise<void>;
  /** Newest first; of two written in the same millisecond, the later written first. */
  pageByUser(userId: string, page: PageRequest): Promise<Page<NotificationRecord>>;
  countUnread(userId: string): Promise<number>;
  markRead(id: string, userId: string, at: string): Promise<NotificationRecord | undefined>;
  /** The user's unread notification of this kind about this consultation (the services keep at most one). */
  findUnreadAbout(userId: string, kind: Notification['kind'], consultationId: string): Promise<NotificationRecord | undefined>;
  update(id: string, changes: Partial<Omit<NotificationRecord, 'id' | 'userId'>>): Promise<NotificationRecord>;
  /** Marks read the user's unread ones of this kind about this consultation; returns them, marked. */
  markReadAbout(userId: string, kind: Notification['kind'], consultationId: string, at: string): Promise<NotificationRecord[]>;
  /** Deletes every notification of the user (an erased account); returns how many. */
  deleteByUser(userId: string): Promise<number>;
}

export interface ChatUnreadRepository {
  /** One more unread message for the user in the consultation's chat, which came at `at`. */
  addUnread(consultationId: string, userId: string, at: string): Promise<ChatUnreadRecord>;
  /** The user has read the chat: nothing unread. Returns how many were. */
  markChatRead(consultationId: string, userId: string): Promise<number>;
  /** The user's records among these consultations (only those that have one). */
  findByUser(userId: string, consultationIds: readonly string[]): Promise<ChatUnreadRecord[]>;
  /**
   * Chats with unread messages that no SMS has told of yet (a message after the last SMS), the
   * latest message after `messagedAfter`, the last SMS (if any) before `smsBefore`; at most `limit`.
   */
  listSmsDue(messagedAfter: string, smsBefore: string, limit: number): Promise<ChatUnreadRecord[]>;
  /** Records an SMS sent at `at` if one is still due as listSmsDue says: true for one caller only. */
  claimSms(consultationId: string, userId: string, at: string, smsBefore: string): Promise<boolean>;
  /** Deletes the user's unread markers in every chat (an erased account); returns how many. */
  deleteByUser(userId: string): Promise<number>;
}

export interface AuditRepository {
  /** Appends the entries (one write for all of them). */
  append(entries: readonly AuditRecord[]): Promise<void>;
  /**
   * The patient's trail, newest first; of two at the same millisecond, the later written first.
   * `exceptActor`: leave out what that person did (a patient's own view of who else looked).
   */
  pageByPatient(patientId: string, page: PageRequest, exceptActor?: string): Promise<Page<AuditRecord>>;
}

export interface PresenceRepository {
  /** The user was online at `at`; an earlier time never moves it back. */
  seen(userId: string, at: string): Promise<void>;
  lastSeen(userId: string): Promise<string | undefined>;
  /** Forgets when the user was last online (an erased account). */
  forget(userId: string): Promise<void>;
}

export interface DutySlotRepository {
  /** Fails with DuplicateKeyError('doctorTime') when it overlaps another slot of the doctor. */
  insert(slot: DutySlotRecord): Promise<void>;
  findById(id: string): Promise<DutySlotRecord | undefined>;
  /**
   * The slot, held until the transaction ends: transactions booking one slot run one after the
   * other instead of racing to its constraints (where PostgreSQL would deadlock them).
   */
  findByIdForUpdate(id: string): Promise<DutySlotRecord | undefined>;
  update(id: string, changes: Partial<Omit<DutySlotRecord, 'id'>>): Promise<DutySlotRecord>;
  delete(id: string): Promise<void>;
  /** Free slots (no consultation) starting in [from, to), by start time; of one center when given. */
  pageFree(range: Required<TimeRange>, centerId: CenterId | undefined, page: PageRequest): Promise<Page<DutySlotRecord>>;
  /** The doctor's slots, free and booked, starting in the range, by start time. */
  pageByDoctor(doctorId: string, range: TimeRange, page: PageRequest): Promise<Page<DutySlotRecord>>;
  /** The first slot of the doctor sharing a moment with [startsAt, endsAt). */
  findOverlapping(doctorId: string, startsAt: string, endsAt: string): Promise<DutySlotRecord | undefined>;
}

export interface MessageRepository {
  insert(message: MessageRecord): Promise<void>;
  /** Newest first, so the first page is the latest of the chat; pages go back in time. */
  pageByConsultation(consultationId: string, page: PageRequest): Promise<Page<MessageRecord>>;
}

export interface StoreRepositories {
  users: UserRepository;
  tokens: TokenRepository;
  phoneCodes: PhoneCodeRepository;
  documents: DocumentRepository;
  applications: ApplicationRepository;
  consultations: ConsultationRepository;
  conclusions: ConclusionRepository;
  notifications: NotificationRepository;
  dutySlots: DutySlotRepository;
  messages: MessageRepository;
  chatUnread: ChatUnreadRepository;
  presence: PresenceRepository;
  audit: AuditRepository;
}

/**
 * The persistence port. Adapters: lowdb (default, one process), PostgreSQL (scale).
 *
 * Every `transaction` is all-or-nothing and isolated as if it ran alone, so concurrent requests
 * never lose an update. The adapter may run `work` more than once (PostgreSQL retries a
 * serialization conflict), so `work` must only read and write through `tx`: no SMS, no events,
 * no other I/O. Side effects come after the transaction resolves.
 */
export interface Store extends StoreRepositories {
  readonly name: 'lowdb' | 'postgres';
  transaction<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a unique rule of the store refused: the same key from every adapter. */
export type DuplicateKey = 'phone' | 'consultationId' | 'slotId' | 'doctorTime' | 'waitingApplication' | 'id';

export class DuplicateKeyError extends Error {
  constructor(readonly key: DuplicateKey) {
    super(`Duplicate ${key}`);
    this.name = 'DuplicateKeyError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}

/** A page cursor that no adapter wrote (edited, or from another list). */
export class InvalidCursorError extends Error {
  constructor() {
    super('The page cursor is not valid; start from the first page');
    this.name = 'InvalidCursorError';
  }
}

/** The database cannot be reached now (down, restarting, a dropped connection); a later try may work. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The database is not available', { cause });
    this.name = 'StoreUnavailableError';
  }
}
