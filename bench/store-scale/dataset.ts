// The padded store of `npm run bench:scale`, written through the Store port (never the HTTP API):
// N patients who each have a document record, an application and two notifications, twenty
// doctors, one doctor with a long history of concluded consultations, and the measured users.
import type {
  ApplicationRecord,
  ConclusionRecord,
  ConsultationRecord,
  DocumentRecord,
  NotificationRecord,
  Store,
  StoreRepositories,
  TokenRecord,
  UserRecord,
} from '../../server/src/ports/store.ts';
import { hashToken, newBearerToken, newId } from '../../server/src/services/tokens.ts';

/** Past consultations of the doctor whose list is read: the same at every size, so only the store grows. */
export const DOCTOR_HISTORY = 2_000;
/** Patients who write the measured chat messages, each in a consultation of their own. */
export const WRITERS = 10;
/** Notifications of the patient whose list is read: more than two pages of 50. */
export const READER_NOTIFICATIONS = 120;
const DOCTORS = 20;

export interface SeedOptions {
  patients: number;
  /** Patients per Store transaction: lowdb rewrites its whole file once per transaction. */
  patientsPerTransaction: number;
  /** One scrypt hash for every account: seeding must not be scrypt-bound. */
  passwordHash: string;
  onProgress?: (written: number, total: number) => void;
}

export interface SeededUsers {
  /** Bearer tokens (inserted through the port) and the consultation each writer chats in. */
  writers: { token: string; consultationId: string }[];
  /** The patient with READER_NOTIFICATIONS notifications. */
  readerToken: string;
  /** The doctor with DOCTOR_HISTORY past consultations. */
  doctorToken: string;
  records: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** A fixed "now" for padding records keeps every size's data alike; the measured consultations lie ahead of the real clock. */
const PAST = Date.parse('2026-01-15T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const DISEASES = ['coronary_heart_disease', 'cardiomyopathies', 'heart_rhythm_disorders', 'fetal_arrhythmias', 'breast_pathology'] as const;

function user(role: UserRecord['role'], index: number, passwordHash: string): UserRecord {
  const at = iso(PAST - (index % 365) * DAY_MS);
  const patient = role === 'patient';
  return {
    id: newId(),
    role,
    fullName: patient ? `Иванова Мария Петровна ${index}` : `Петров Алексей Иванович ${index}`,
    // +7 900 … for patients, +7 800 … for doctors: unique within a size up to 10 million.
    phone: `+7${patient ? '900' : '800'}${String(index).padStart(7, '0')}`,
    email: patient ? `patient${index}@example.ru` : null,
    birthDate: patient ? '1956-04-12' : null,
    centerId: patient ? null : index % 2 === 0 ? 'bakulev' : 'kulakov',
    isDutyDoctor: !patient,
    mustChangePassword: false,
    passwordHash,
    otpExpiresAt: null,
    consent: patient ? { at, version: '1' } : null,
    createdAt: at,
    updatedAt: at,
  };
}

/** What every padding patient has besides the account. */
function patientRecords(patient: UserRecord, index: number) {
  const at = iso(Date.parse(patient.createdAt) + 3600 * 1000);
  const centerId = index % 2 === 0 ? 'bakulev' : 'kulakov';
  const document: DocumentRecord = {
    id: newId(),
    ownerId: patient.id,
    kind: 'discharge_summary',
    fileName: 'Выписка из стационара.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 250_000 + (index % 1000) * 731,
    storageKey: newId(),
    uploadedAt: at,
  };
  const application: ApplicationRecord = {
    id: newId(),
    patientId: patient.id,
    centerId,
    disease: DISEASES[index % DISEASES.length]!,
    diagnosis: 'ИБС. Стенокардия напряжения II ФК. Гипертоническая болезнь III стадии.',
    complaints: 'Одышка и давящие боли за грудиной при подъёме на второй этаж, отёки голеней к вечеру.',
    documentIds: [document.id],
    status: 'submitted',
    source: 'own',
    referral: null,
    declineReason: null,
    consultationId: null,
    reviewedBy: null,
    createdAt: at,
    updatedAt: at,
  };
  const notifications = [notification(patient.id, at, true, application.id), notification(patient.id, iso(Date.parse(at) + 60_000), false, application.id)];
  return { document, application, notifications };
}

function notification(userId: string, createdAt: string, read: boolean, applicationId?: string): NotificationRecord {
  return {
    id: newId(),
    userId,
    kind: 'application_submitted',
    text: 'Облако здоровья: ваша заявка принята и передана врачам центра. Дату консультации сообщим в личном кабинете и по SMS.',
    data: applicationId ? { applicationId } : {},
    createdAt,
    readAt: read ? createdAt : null,
  };
}

function consultation(patientId: string, doctorId: string, startsAt: number, status: ConsultationRecord['status']): ConsultationRecord {
  const at = iso(startsAt - 2 * DAY_MS);
  return {
    id: newId(),
    kind: 'duty',
    status,
    centerId: 'bakulev',
    patientId,
    doctorId,
    applicationId: null,
    slotId: null,
    topic: 'Подбор антиаритмической терапии после выписки',
    channel: 'video',
    startsAt: iso(startsAt),
    durationMinutes: 30,
    cancelledBy: null,
    cancelReason: null,
    callEndedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

function tokenFor(userId: string): { token: string; record: TokenRecord } {
  const token = newBearerToken();
  const now = Date.now();
  return {
    token,
    record: { id: newId(), userId, tokenHash: hashToken(token), createdAt: iso(now), expiresAt: iso(now + 14 * DAY_MS), revokedAt: null },
  };
}

type Batch = {
  users?: UserRecord[];
  documents?: DocumentRecord[];
  applications?: ApplicationRecord[];
  consultations?: ConsultationRecord[];
  conclusions?: ConclusionRecord[];
  notifications?: NotificationRecord[];
  tokens?: TokenRecord[];
};

/** Inserts a batch through one transaction's repositories, one record at a time, rows after what they reference. */
async function insertAll(tx: StoreRepositories, batch: Batch): Promise<number> {
  let written = 0;
  const each = async <R>(records: R[] | undefined, insert: (record: R) => Promise<void>) => {
    for (const record of records ?? []) await insert(record);
    written += records?.length ?? 0;
  };
  await each(batch.users, (r) => tx.users.insert(r));
  await each(batch.documents, (r) => tx.documents.insert(r));
  await each(batch.applications, (r) => tx.applications.insert(r));
  await each(batch.consultations, (r) => tx.consultations.insert(r));
  await each(batch.conclusions, (r) => tx.conclusions.insert(r));
  await each(batch.notifications, (r) => tx.notifications.insert(r));
  await each(batch.tokens, (r) => tx.tokens.insert(r));
  return written;
}

/** Fills an empty store; returns the measured users' tokens. */
export async function seedStore(store: Store, { patients, patientsPerTransaction, passwordHash, onProgress }: SeedOptions): Promise<SeededUsers> {
  let records = 0;
  const doctors = Array.from({ length: DOCTORS }, (_, i) => user('doctor', i, passwordHash));
  records += await store.transaction((tx) => insertAll(tx, { users: doctors }));

  const patientIds: string[] = [];
  for (let start = 0; start < patients; start += patientsPerTransaction) {
    const batch = { users: [] as UserRecord[], documents: [] as DocumentRecord[], applications: [] as ApplicationRecord[], notifications: [] as NotificationRecord[] };
    for (let i = start; i < Math.min(patients, start + patientsPerTransaction); i += 1) {
      const patient = user('patient', i, passwordHash);
      const own = patientRecords(patient, i);
      batch.users.push(patient);
      batch.documents.push(own.document);
      batch.applications.push(own.application);
      batch.notifications.push(...own.notifications);
      patientIds.push(patient.id);
    }
    records += await store.transaction((tx) => insertAll(tx, batch));
    onProgress?.(Math.min(patients, start + patientsPerTransaction), patients);
  }

  // The measured and the doctor's patients are spread over the registration order, as real ones
  // are: lowdb finds a user by scanning the array from its start.
  const spread = (share: number) => patientIds[Math.min(patients - 1, Math.floor(share * patients))]!;
  // The read doctor's history: concluded consultations every half hour back from PAST (patients
  // repeat when there are fewer of them than consultations).
  const historyDoctor = doctors[0]!;
  const history = Array.from({ length: DOCTOR_HISTORY }, (_, i) =>
    consultation(spread(i / DOCTOR_HISTORY), historyDoctor.id, PAST - (i + 1) * 30 * 60_000, 'completed'),
  );
  const conclusions: ConclusionRecord[] = history.map((c) => ({
    consultationId: c.id,
    doctorId: historyDoctor.id,
    text: 'Состояние стабильное. Рекомендовано продолжить терапию, контроль ЭКГ и ЭхоКГ через три месяца.',
    recommendations: 'Бисопролол 5 мг утром, аторвастатин 20 мг вечером.',
    outcome: 'conclusion',
    createdAt: iso(Date.parse(c.startsAt) + 30 * 60_000),
  }));
  records += await store.transaction((tx) => insertAll(tx, { consultations: history, conclusions }));

  // The measured users: writers chat with another doctor in scheduled consultations ahead of the real clock.
  const writerPatients = Array.from({ length: WRITERS }, (_, k) => spread((k + 0.5) / WRITERS));
  const chatDoctor = doctors[1]!;
  const writerConsultations = writerPatients.map((id, i) => consultation(id, chatDoctor.id, Date.now() + (i + 1) * DAY_MS, 'scheduled'));
  const reader = spread(0.5);
  const readerNotifications = Array.from({ length: READER_NOTIFICATIONS - 2 }, (_, i) =>
    notification(reader, iso(PAST + (i + 1) * 3600 * 1000), i % 2 === 0),
  );
  const writerTokens = writerPatients.map((id) => tokenFor(id));
  const readerToken = tokenFor(reader);
  const doctorToken = tokenFor(historyDoctor.id);
  records += await store.transaction((tx) =>
    insertAll(tx, {
      consultations: writerConsultations,
      notifications: readerNotifications,
      tokens: [...writerTokens.map((t) => t.record), readerToken.record, doctorToken.record],
    }),
  );
  return {
    writers: writerTokens.map((t, i) => ({ token: t.token, consultationId: writerConsultations[i]!.id })),
    readerToken: readerToken.token,
    doctorToken: doctorToken.token,
    records,
  };
}
