import { DuplicateKeyError, StoreUnavailableError, type DuplicateKey } from '../../../ports/store.ts';

/** Which port key each of the schema's unique rules stands for (001.do.store.sql). */
const KEY_OF_CONSTRAINT: Record<string, DuplicateKey> = {
  users_phone_unique: 'phone',
  conclusions_pkey: 'consultationId',
  consultations_one_per_slot: 'slotId',
  consultations_doctor_time: 'doctorTime',
  duty_slots_doctor_time: 'doctorTime',
  applications_one_waiting: 'waitingApplication',
};

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** 40001 serialization failure, 40P01 deadlock: the transaction may simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as PgError | null)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * The database is away rather than refusing this request: no connection (ECONNREFUSED, a pool
 * time-out), a connection that dropped, or a server shutting down or starting (SQLSTATE 08, 57P).
 */
export function isUnavailable(error: unknown): boolean {
  const { code, message = '' } = (error ?? {}) as PgError;
  if (code && /^(08|57P0[1-3]|53300)/.test(code)) return true;
  if (code && /^E[A-Z]+$/.test(code)) return true; // a Node socket error: ECONNREFUSED, ECONNRESET, ETIMEDOUT…
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|not queryable/i.test(message);
}

/** A driver error as the port's error: a unique rule by its key, an outage as StoreUnavailableError. */
export function translateError(error: unknown): unknown {
  const pgError = error as PgError | null;
  if (pgError?.code === '23505' || pgError?.code === '23P01') {
    const key = KEY_OF_CONSTRAINT[pgError.constraint ?? ''] ?? (pgError.constraint?.endsWith('_pkey') ? 'id' : undefined);
    if (key) return new DuplicateKeyError(key);
  }
  if (isUnavailable(error)) return new StoreUnavailableError(error);
  return error;
}
