import type {
  ApplicationRecord,
  AuditRecord,
  ChatUnreadRecord,
  ConclusionRecord,
  ConsultationRecord,
  DocumentRecord,
  DutySlotRecord,
  MessageRecord,
  NotificationRecord,
  PhoneCodeRecord,
  PresenceRecord,
  TokenRecord,
  UserRecord,
} from '../../../ports/store.ts';

/**
 * Records ↔ rows. Each table lists its columns once: the record field, the column, and how a
 * value crosses (timestamps come back as Date and leave as ISO strings; JSON goes as text).
 */
export interface Column<R> {
  field: keyof R & string;
  column: string;
  kind?: 'time' | 'json' | 'number';
}

export interface Table<R> {
  name: string;
  columns: Column<R>[];
}

const c = <R>(field: keyof R & string, column: string, kind?: Column<R>['kind']): Column<R> => ({ field, column, ...(kind ? { kind } : {}) });

export const usersTable: Table<UserRecord> = {
  name: 'users',
  columns: [
    c('id', 'id'),
    c('role', 'role'),
    c('fullName', 'full_name'),
    c('phone', 'phone'),
    c('email', 'email'),
    c('birthDate', 'birth_date'),
    c('centerId', 'center_id'),
    c('isDutyDoctor', 'is_duty_doctor'),
    c('mustChangePassword', 'must_change_password'),
    c('passwordHash', 'password_hash'),
    c('otpExpiresAt', 'otp_expires_at', 'time'),
    c('phoneConfirmedAt', 'phone_confirmed_at', 'time'),
    c('disabledAt', 'disabled_at', 'time'),
    c('erasedAt', 'erased_at', 'time'),
    // `consent` is two columns; see userToRow / rowToUser.
    c('createdAt', 'created_at', 'time'),
    c('updatedAt', 'updated_at', 'time'),
  ],
};

export const tokensTable: Table<TokenRecord> = {
  name: 'tokens',
  columns: [c('id', 'id'), c('userId', 'user_id'), c('tokenHash', 'token_hash'), c('createdAt', 'created_at', 'time'), c('expiresAt', 'expires_at', 'time'), c('revokedAt', 'revoked_at', 'time')],
};

export const phoneCodesTable: Table<PhoneCodeRecord> = {
  name: 'phone_codes',
  columns: [
    c('id', 'id'),
    c('phone', 'phone'),
    c('purpose', 'purpose'),
    c('codeHash', 'code_hash'),
    c('failedAttempts', 'failed_attempts', 'number'),
    c('sentAt', 'sent_at', 'time'),
    c('expiresAt', 'expires_at', 'time'),
  ],
};

export const documentsTable: Table<DocumentRecord> = {
  name: 'documents',
  columns: [
    c('id', 'id'),
    c('ownerId', 'owner_id'),
    c('kind', 'kind'),
    c('fileName', 'file_name'),
    c('mediaType', 'media_type'),
    c('sizeBytes', 'size_bytes', 'number'),
    c('storageKey', 'storage_key'),
    c('uploadedAt', 'uploaded_at', 'time'),
  ],
};

export const applicationsTable: Table<ApplicationRecord> = {
  name: 'applications',
  columns: [
    c('id', 'id'),
    c('patientId', 'patient_id'),
    c('centerId', 'center_id'),
    c('disease', 'disease'),
    c('diagnosis', 'diagnosis'),
    c('complaints', 'complaints'),
    c('documentIds', 'document_ids', 'json'),
    c('status', 'status'),
    c('source', 'source'),
    c('referral', 'referral', 'json'),
    c('declineReason', 'decline_reason'),
    c('consultationId', 'consultation_id'),
    c('reviewedBy', 'reviewed_by'),
    c('createdAt', 'created_at', 'time'),
    c('updatedAt', 'updated_at', 'time'),
  ],
};

export const consultationsTable: Table<ConsultationRecord> = {
  name: 'consultations',
  columns: [
    c('id', 'id'),
    c('kind', 'kind'),
    c('status', 'status'),
    c('centerId', 'center_id'),
    c('patientId', 'patient_id'),
    c('doctorId', 'doctor_id'),
    c('applicationId', 'application_id'),
    c('slotId', 'slot_id'),
    c('topic', 'topic'),
    c('channel', 'channel'),
    c('startsAt', 'starts_at', 'time'),
    c('durationMinutes', 'duration_minutes', 'number'),
    c('cancelledBy', 'cancelled_by'),
    c('cancelReason', 'cancel_reason'),
    c('callEndedAt', 'call_ended_at', 'time'),
    c('createdAt', 'created_at', 'time'),
    c('updatedAt', 'updated_at', 'time'),
  ],
};

export const conclusionsTable: Table<ConclusionRecord> = {
  name: 'conclusions',
  columns: [
    c('consultationId', 'consultation_id'),
    c('doctorId', 'doctor_id'),
    c('text', 'text'),
    c('recommendations', 'recommendations'),
    c('outcome', 'outcome'),
    c('createdAt', 'created_at', 'time'),
  ],
};

export const notificationsTable: Table<NotificationRecord> = {
  name: 'notifications',
  columns: [
    c('id', 'id'),
    c('userId', 'user_id'),
    c('kind', 'kind'),
    c('text', 'text'),
    c('data', 'data', 'json'),
    c('createdAt', 'created_at', 'time'),
    c('readAt', 'read_at', 'time'),
  ],
};

export const dutySlotsTable: Table<DutySlotRecord> = {
  name: 'duty_slots',
  columns: [
    c('id', 'id'),
    c('doctorId', 'doctor_id'),
    c('centerId', 'center_id'),
    c('startsAt', 'starts_at', 'time'),
    c('durationMinutes', 'duration_minutes', 'number'),
    c('consultationId', 'consultation_id'),
    c('createdAt', 'created_at', 'time'),
  ],
};

export const messagesTable: Table<MessageRecord> = {
  name: 'messages',
  columns: [c('id', 'id'), c('consultationId', 'consultation_id'), c('authorId', 'author_id'), c('text', 'text'), c('createdAt', 'created_at', 'time')],
};

export const chatUnreadTable: Table<ChatUnreadRecord> = {
  name: 'chat_unread',
  columns: [
    c('consultationId', 'consultation_id'),
    c('userId', 'user_id'),
    c('count', 'count', 'number'),
    c('lastMessageAt', 'last_message_at', 'time'),
    c('smsAt', 'sms_at', 'time'),
  ],
};

export const presenceTable: Table<PresenceRecord> = {
  name: 'presence',
  columns: [c('userId', 'user_id'), c('seenAt', 'seen_at', 'time')],
};

/** A timestamp from either driver (Date from node-postgres and PGlite) as the ISO string records hold. */
export function isoTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

function fromColumn(kind: Column<unknown>['kind'], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'time') return isoTime(value);
  if (kind === 'number') return Number(value);
  if (kind === 'json') return typeof value === 'string' ? JSON.parse(value) : value;
  return value;
}

function toColumn(kind: Column<unknown>['kind'], value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (kind === 'json') return JSON.stringify(value);
  return value;
}

export function rowToRecord<R>(table: Table<R>, row: Record<string, unknown>): R {
  const record: Record<string, unknown> = {};
  for (const column of table.columns) record[column.field] = fromColumn(column.kind, row[column.column]);
  if (table === (usersTable as unknown as Table<R>)) {
    record.consent = row.consent_at ? { at: isoTime(row.consent_at), version: String(row.consent_version) } : null;
  }
  return record as R;
}

/** Column names and values of a whole record, in the table's order (plus the derived columns). */
export function recordToRow<R>(table: Table<R>, record: R): { columns: string[]; values: unknown[] } {
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const column of table.columns) {
    columns.push(column.column);
    values.push(toColumn(column.kind, (record as Record<string, unknown>)[column.field]));
  }
  if (table === (usersTable as unknown as Table<R>)) {
    const consent = (record as unknown as UserRecord).consent;
    columns.push('consent_at', 'consent_version');
    values.push(consent?.at ?? null, consent?.version ?? null);
  }
  const timed = record as unknown as { startsAt?: string; durationMinutes?: number };
  if (timed.startsAt !== undefined && timed.durationMinutes !== undefined) {
    columns.push('ends_at');
    values.push(new Date(Date.parse(timed.startsAt) + timed.durationMinutes * 60_000).toISOString());
  }
  return { columns, values };
}

/** `column AS column, …, seq` for a SELECT of the whole record. */
export function selectList<R>(table: Table<R>): string {
  const extra = table === (usersTable as unknown as Table<R>) ? ', consent_at, consent_version' : '';
  return `${table.columns.map((column) => column.column).join(', ')}${extra}, seq`;
}

export const auditTable: Table<AuditRecord> = {
  name: 'audit',
  columns: [
    c('id', 'id'),
    c('at', 'at', 'time'),
    c('actorId', 'actor_id'),
    c('actorRole', 'actor_role'),
    c('action', 'action'),
    c('subjectType', 'subject_type'),
    c('subjectId', 'subject_id'),
    c('patientId', 'patient_id'),
    c('status', 'status'),
    c('address', 'address'),
  ],
};
