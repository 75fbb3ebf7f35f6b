import type {
  ApplicationSource,
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
  /** 152-FZ consent: when it was given and which text version. Null for staff created by the CLI. */
  consent: { at: string; version: string } | null;
  createdAt: string;
  updatedAt: string;
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

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  findByPhone(phone: string): Promise<UserRecord | undefined>;
  count(): Promise<number>;
  /** Fails with DuplicateKeyError when the phone is taken. */
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

export interface DocumentRepository {
  insert(document: DocumentRecord): Promise<void>;
  findById(id: string): Promise<DocumentRecord | undefined>;
  listByOwner(ownerId: string): Promise<DocumentRecord[]>;
  delete(id: string): Promise<void>;
}

export interface ApplicationRepository {
  insert(application: ApplicationRecord): Promise<void>;
  findById(id: string): Promise<ApplicationRecord | undefined>;
  update(id: string, changes: Partial<Omit<ApplicationRecord, 'id'>>): Promise<ApplicationRecord>;
  /** Newest first. */
  listByPatient(patientId: string): Promise<ApplicationRecord[]>;
  /** Oldest first: the order a center's queue is worked in. */
  listByCenter(centerId: CenterId, status?: ApplicationStatus): Promise<ApplicationRecord[]>;
}

export interface ConsultationRepository {
  insert(consultation: ConsultationRecord): Promise<void>;
  findById(id: string): Promise<ConsultationRecord | undefined>;
  update(id: string, changes: Partial<Omit<ConsultationRecord, 'id'>>): Promise<ConsultationRecord>;
  /** By start time. */
  listByPatient(patientId: string): Promise<ConsultationRecord[]>;
  listByDoctor(doctorId: string): Promise<ConsultationRecord[]>;
}

export interface ConclusionRepository {
  insert(conclusion: ConclusionRecord): Promise<void>;
  findByConsultation(consultationId: string): Promise<ConclusionRecord | undefined>;
}

export interface NotificationRepository {
  insert(notification: NotificationRecord): Promise<void>;
  /** Newest first. */
  listByUser(userId: string, limit: number): Promise<NotificationRecord[]>;
  countUnread(userId: string): Promise<number>;
  markRead(id: string, userId: string, at: string): Promise<NotificationRecord | undefined>;
}

export interface DutySlotRepository {
  insert(slot: DutySlotRecord): Promise<void>;
  findById(id: string): Promise<DutySlotRecord | undefined>;
  update(id: string, changes: Partial<Omit<DutySlotRecord, 'id'>>): Promise<DutySlotRecord>;
  delete(id: string): Promise<void>;
  /** Slots starting in [from, to), by start time; of one center when given. */
  listStartingBetween(from: string, to: string, centerId?: CenterId): Promise<DutySlotRecord[]>;
  listByDoctor(doctorId: string): Promise<DutySlotRecord[]>;
}

export interface MessageRepository {
  insert(message: MessageRecord): Promise<void>;
  /** Oldest first. */
  listByConsultation(consultationId: string): Promise<MessageRecord[]>;
}

export interface StoreRepositories {
  users: UserRepository;
  tokens: TokenRepository;
  documents: DocumentRepository;
  applications: ApplicationRepository;
  consultations: ConsultationRepository;
  conclusions: ConclusionRepository;
  notifications: NotificationRepository;
  dutySlots: DutySlotRepository;
  messages: MessageRepository;
}

/**
 * The persistence port. Every `transaction` is all-or-nothing and serialised with every other
 * one, so concurrent requests never lose an update. Adapters: lowdb (default), PostgreSQL (scale).
 */
export interface Store extends StoreRepositories {
  transaction<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
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
