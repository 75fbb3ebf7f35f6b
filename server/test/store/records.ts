import { randomBytes } from 'node:crypto';
import type {
  ApplicationRecord,
  ConsultationRecord,
  DutySlotRecord,
  MessageRecord,
  NotificationRecord,
  Store,
  UserRecord,
} from '../../src/ports/store.ts';

/** Records for the Store contract suite, each valid on its own; overrides set what a test is about. */
const id = () => randomBytes(9).toString('base64url');
const at = (iso = '2026-11-01T09:00:00.000Z') => iso;
let phones = 0;

export function userRecord(overrides: Partial<UserRecord> = {}): UserRecord {
  phones += 1;
  return {
    id: id(),
    role: 'patient',
    fullName: 'Иванова Мария Петровна',
    phone: `+7921${String(process.pid % 1000).padStart(3, '0')}${String(phones).padStart(4, '0')}`,
    email: null,
    birthDate: '1956-04-12',
    centerId: null,
    isDutyDoctor: false,
    mustChangePassword: false,
    passwordHash: 'scrypt$test',
    otpExpiresAt: null,
    phoneConfirmedAt: null,
    disabledAt: null,
    erasedAt: null,
    consent: { at: at(), version: '1' },
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

export const doctorRecord = (overrides: Partial<UserRecord> = {}) =>
  userRecord({ role: 'doctor', centerId: 'bakulev', birthDate: null, consent: null, fullName: 'Петров Алексей Иванович', ...overrides });

export function applicationRecord(patientId: string, overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    id: id(),
    patientId,
    centerId: 'bakulev',
    disease: 'ischemic_heart_disease',
    diagnosis: 'ИБС',
    complaints: 'Одышка',
    documentIds: ['d1', 'd2'],
    status: 'submitted',
    source: 'own',
    referral: null,
    declineReason: null,
    consultationId: null,
    reviewedBy: null,
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

export function consultationRecord(patientId: string, doctorId: string, overrides: Partial<ConsultationRecord> = {}): ConsultationRecord {
  return {
    id: id(),
    kind: 'duty',
    status: 'scheduled',
    centerId: 'bakulev',
    patientId,
    doctorId,
    applicationId: null,
    slotId: null,
    topic: null,
    channel: 'video',
    startsAt: '2026-12-10T10:00:00.000Z',
    durationMinutes: 30,
    cancelledBy: null,
    cancelReason: null,
    callEndedAt: null,
    createdAt: at(),
    updatedAt: at(),
    ...overrides,
  };
}

export function slotRecord(doctorId: string, overrides: Partial<DutySlotRecord> = {}): DutySlotRecord {
  return {
    id: id(),
    doctorId,
    centerId: 'bakulev',
    startsAt: '2026-12-10T07:00:00.000Z',
    durationMinutes: 20,
    consultationId: null,
    createdAt: at(),
    ...overrides,
  };
}

export function notificationRecord(userId: string, overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  return { id: id(), userId, kind: 'application_scheduled', text: 'Назначена', data: { consultationId: 'c1' }, createdAt: at(), readAt: null, ...overrides };
}

export function messageRecord(consultationId: string, authorId: string, overrides: Partial<MessageRecord> = {}): MessageRecord {
  return { id: id(), consultationId, authorId, text: 'Здравствуйте', createdAt: at(), ...overrides };
}

/** A patient and a doctor saved in the store, as most records need both. */
export async function patientAndDoctor(store: Store): Promise<{ patient: UserRecord; doctor: UserRecord }> {
  const patient = userRecord();
  const doctor = doctorRecord();
  await store.users.insert(patient);
  await store.users.insert(doctor);
  return { patient, doctor };
}

/** Every item of a paged list, following nextCursor to the end. */
export async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await read(cursor);
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

export const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
