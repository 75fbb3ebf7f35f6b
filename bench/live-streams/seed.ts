import { randomBytes } from 'node:crypto';
import type { ConsultationRecord, TokenRecord, UserRecord } from '../../server/src/ports/store.ts';
import { insertMany } from '../../server/src/adapters/store/postgres/bulk-insert.ts';
import { consultationsTable, tokensTable, usersTable } from '../../server/src/adapters/store/postgres/rows.ts';
import type { SqlPool } from '../../server/src/adapters/store/postgres/sql.ts';
import { hashToken, newBearerToken } from '../../server/src/services/tokens.ts';

export interface StreamUser {
  id: string;
  token: string;
  /** The consultation whose chat carries the measured events, for the first `measured` users. */
  consultationId?: string;
}

/**
 * Patients signed in (a bearer token each), one doctor, and a consultation between the doctor and
 * each measured patient, written straight into the tables: the streams are what is measured here.
 */
export async function seedStreamUsers(pool: SqlPool, count: number, measured: number): Promise<{ users: StreamUser[]; doctor: StreamUser }> {
  const at = new Date().toISOString();
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const person = (role: UserRecord['role'], i: number): UserRecord => ({
    id: randomBytes(12).toString('base64url'),
    role,
    fullName: `${role === 'doctor' ? 'Врач' : 'Пациент'} ${i}`,
    phone: `+79${role === 'doctor' ? '1' : '5'}${String(i).padStart(8, '0')}`,
    email: null,
    birthDate: role === 'patient' ? '1950-01-01' : null,
    centerId: role === 'doctor' ? 'bakulev' : null,
    isDutyDoctor: false,
    mustChangePassword: false,
    passwordHash: 'scrypt$not-used-by-this-bench',
    otpExpiresAt: null,
    consent: role === 'patient' ? { at, version: '1' } : null,
    createdAt: at,
    updatedAt: at,
  });
  const doctor = person('doctor', 0);
  const patients = Array.from({ length: count }, (_, i) => person('patient', i));
  const tokens: (TokenRecord & { token: string })[] = [doctor, ...patients].map((user) => {
    const token = newBearerToken();
    return { id: randomBytes(12).toString('base64url'), userId: user.id, tokenHash: hashToken(token), createdAt: at, expiresAt, revokedAt: null, token };
  });
  const firstHour = Date.now() + 86_400_000;
  const consultations: ConsultationRecord[] = patients.slice(0, measured).map((patient, i) => ({
    id: randomBytes(12).toString('base64url'),
    kind: 'duty',
    status: 'scheduled',
    centerId: 'bakulev',
    patientId: patient.id,
    doctorId: doctor.id,
    applicationId: null,
    slotId: null,
    topic: null,
    channel: 'video',
    startsAt: new Date(firstHour + i * 3_600_000).toISOString(), // one an hour: the doctor is never in two at once
    durationMinutes: 30,
    cancelledBy: null,
    cancelReason: null,
    callEndedAt: null,
    createdAt: at,
    updatedAt: at,
  }));
  await insertMany(pool, usersTable, [doctor, ...patients]);
  await insertMany(pool, tokensTable, tokens.map(({ token: _token, ...record }) => record));
  await insertMany(pool, consultationsTable, consultations);
  const tokenOf = new Map(tokens.map((token) => [token.userId, token.token]));
  return {
    doctor: { id: doctor.id, token: tokenOf.get(doctor.id)! },
    users: patients.map((patient, i) => ({ id: patient.id, token: tokenOf.get(patient.id)!, ...(i < measured ? { consultationId: consultations[i]!.id } : {}) })),
  };
}
