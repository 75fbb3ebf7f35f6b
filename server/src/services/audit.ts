import type { AuditEntry, AuditList, AuditPatient, AuditSubjectType } from '@oz/contracts';
import type { AuditRecord, AuditRepository, PageRequest, Store, UserRecord } from '../ports/store.ts';
import { forbidden, notFound, validationFailed } from './domain-error.ts';
import { newId } from './tokens.ts';

/** Who did it, from where (http/client-address.ts). */
export interface AuditActor {
  user: Pick<UserRecord, 'id' | 'role'>;
  address: string | null;
}

/** A patient's record someone acted on. */
export interface AuditSubject {
  type: AuditSubjectType;
  id: string;
  patientId: string;
}

/** Whose trail the manager asks for: by id or by phone, one of the two. */
export interface PatientChoice {
  patientId?: string | undefined;
  phone?: string | undefined;
}

/** A doctor reopening the same document or chat within this long leaves one entry, not dozens. */
const REPEAT_WINDOW_MS = 10 * 60_000;
/** Bound on the memory of recent reads (a busy instance forgets the oldest first). */
const MAX_REMEMBERED = 20_000;

/**
 * The audit trail of medical data (152-FZ, 323-FZ): every read of a patient's document,
 * conclusion, application or chat by anyone but that patient, and every change of a status.
 * Append-only; the manager reads it per patient, the patient sees who else looked.
 */
export class AuditService {
  /** `actor subject` → when it was last recorded here. */
  readonly #recentReads = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Someone read these records; a patient reading their own leaves no entry. */
  async read(actor: AuditActor, subjects: readonly AuditSubject[]): Promise<void> {
    const at = this.now();
    const entries = subjects
      .filter((subject) => subject.patientId !== actor.user.id && this.#firstReadInWindow(actor, subject, at.getTime()))
      .map((subject) => this.#entry(actor, subject, 'read', null, at));
    // Most reads are a patient's own or a repeat within the window: no write at all (lowdb
    // rewrites its whole file on every write call, even an empty one).
    if (entries.length > 0) await this.store.audit.append(entries);
  }

  /**
   * A status changed (`status`: the new one), whoever changed it, the patient included. `trail`:
   * a transaction's, when the entry must commit with the change itself or not at all.
   */
  async statusChanged(actor: AuditActor, subject: AuditSubject, status: string, trail: AuditRepository = this.store.audit): Promise<void> {
    await trail.append([this.#entry(actor, subject, 'status_changed', status, this.now())]);
  }

  /** The manager's view of one patient's trail (whose: by id or by phone). */
  async pageForManager(viewer: UserRecord, whose: PatientChoice, page: PageRequest): Promise<AuditList> {
    if (viewer.role !== 'manager') throw forbidden();
    const patient = await this.#patient(whose);
    const records = await this.store.audit.pageByPatient(patient.id, page);
    return { patient, items: await this.#views(records.items, true), nextCursor: records.nextCursor };
  }

  /** What others did with the patient's data, without their addresses. */
  async pageForPatient(patient: UserRecord, page: PageRequest): Promise<AuditList> {
    if (patient.role !== 'patient') throw forbidden();
    const records = await this.store.audit.pageByPatient(patient.id, page, patient.id);
    return { items: await this.#views(records.items, false), nextCursor: records.nextCursor };
  }

  /** The whole trail of one patient, newest first, page by page (the CSV export). */
  async *allForManager(viewer: UserRecord, whose: PatientChoice): AsyncGenerator<AuditEntry[]> {
    let cursor: string | undefined;
    do {
      const page = await this.pageForManager(viewer, whose, { limit: 500, ...(cursor ? { cursor } : {}) });
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** Entries stay when an account goes: a trail is found by an id the store no longer knows too. */
  async #patient(whose: PatientChoice): Promise<AuditPatient> {
    if ((whose.patientId === undefined) === (whose.phone === undefined)) {
      throw validationFailed([{ field: 'patientId', code: 'required', message: 'Name the patient by patientId or by phone, one of the two' }]);
    }
    // A staff member's trail is their account's changes (subjectType staff_account).
    const user = whose.phone !== undefined ? await this.store.users.findByPhone(whose.phone) : await this.store.users.findById(whose.patientId!);
    if (whose.phone !== undefined && !user) throw notFound('A person with this phone number');
    return user
      ? { id: user.id, fullName: user.fullName, birthDate: user.birthDate, phone: user.erasedAt ? '' : user.phone }
      : { id: whose.patientId!, fullName: '', birthDate: null, phone: '' };
  }

  #firstReadInWindow(actor: AuditActor, subject: AuditSubject, at: number): boolean {
    const key = `${actor.user.id} ${subject.type} ${subject.id}`;
    const last = this.#recentReads.get(key);
    if (last !== undefined && at - last < REPEAT_WINDOW_MS) return false;
    this.#recentReads.delete(key); // re-inserted last: the map's order is oldest first
    this.#recentReads.set(key, at);
    if (this.#recentReads.size > MAX_REMEMBERED) this.#recentReads.delete(this.#recentReads.keys().next().value!);
    return true;
  }

  #entry(actor: AuditActor, subject: AuditSubject, action: AuditRecord['action'], status: string | null, at: Date): AuditRecord {
    return {
      id: newId(),
      at: at.toISOString(),
      actorId: actor.user.id,
      actorRole: actor.user.role,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      patientId: subject.patientId,
      status,
      address: actor.address,
    };
  }

  async #views(records: AuditRecord[], withAddress: boolean): Promise<AuditEntry[]> {
    const people = new Map((await this.store.users.findByIds([...new Set(records.map((r) => r.actorId))])).map((u) => [u.id, u.fullName]));
    return records.map((record) => ({ ...record, actorName: people.get(record.actorId) ?? '', address: withAddress ? record.address : null }));
  }
}
