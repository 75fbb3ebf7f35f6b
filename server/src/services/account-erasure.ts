import type { FileStore } from '../ports/file-store.ts';
import type { Store, StoreRepositories, UserRecord } from '../ports/store.ts';
import type { ApplicationService } from './applications.ts';
import type { AuditActor, AuditService } from './audit.ts';
import type { ConsultationService } from './consultations.ts';
import { DomainError, forbidden, unauthenticated, validationFailed } from './domain-error.ts';
import { verifyPassword } from './passwords.ts';

/**
 * Where an erased account's phone goes: unique (the column is), and no one can type it, since
 * phones are normalised to +7XXXXXXXXXX. So no sign-in or reset finds the account, and the
 * number is free for a new registration.
 */
const phoneTombstone = (userId: string) => `erased:${userId}`;
/** Not a scrypt hash: verifyPassword refuses it without deriving anything. */
const NO_PASSWORD = 'erased';
const PHONE_CODE_PURPOSES = ['register', 'reset', 'confirm'] as const;

const wrongPassword = () =>
  validationFailed([{ field: 'password', code: 'invalid', message: 'The password is wrong' }], 'The password is wrong; nothing was deleted');

/**
 * «Удалить аккаунт» (152-FZ art. 14 and 9): the patient withdraws consent and erases their account.
 * Gone: phone, e-mail, password, consent, every session, notifications, unread markers, SMS codes,
 * presence, and the documents that no application ever used (with their files). Kept, as the law
 * on medical records asks (323-FZ, order 965n): consultations, conclusions, chats, applications
 * and their documents, with the patient's name and birth date on them, and the audit trail.
 * What was still ahead is cancelled first, as the patient would cancel it: upcoming consultations
 * (the doctor is told, a duty slot goes back to the free list) and applications not yet reviewed.
 */
export class AccountErasure {
  constructor(
    /** The tracked store: revoking the sessions there ends live streams and video sockets at once. */
    private readonly store: Store,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly now: () => Date,
    private readonly visits: { consultations: ConsultationService; applications: ApplicationService },
  ) {}

  async erase(actor: AuditActor & { user: UserRecord }, password: string): Promise<void> {
    const { user } = actor;
    if (user.role !== 'patient') throw forbidden('Only a patient erases their own account here');
    // scrypt through the process's hashing gate, before any lock is taken.
    if (!(await verifyPassword(password, user.passwordHash))) throw wrongPassword();
    await this.#cancelWhatIsAhead(user);
    const at = this.now().toISOString();
    const storageKeys = await this.store.transaction(async (tx) => {
      const current = await tx.users.findById(user.id);
      // Erased by a request a moment ago, or the password changed since this one was checked.
      if (!current || current.erasedAt) throw unauthenticated('Your session has ended; sign in again');
      if (current.passwordHash !== user.passwordHash) throw wrongPassword();
      const keys = await this.#deleteUnusedDocuments(tx, user.id);
      await tx.notifications.deleteByUser(user.id);
      await tx.chatUnread.deleteByUser(user.id);
      await tx.presence.forget(user.id);
      for (const purpose of PHONE_CODE_PURPOSES) await tx.phoneCodes.delete(`${purpose}:${current.phone}`);
      await tx.tokens.revokeAllForUser(user.id, at);
      await tx.users.update(user.id, {
        phone: phoneTombstone(user.id),
        email: null,
        passwordHash: NO_PASSWORD,
        mustChangePassword: false,
        otpExpiresAt: null,
        phoneConfirmedAt: null,
        consent: null,
        erasedAt: at,
        updatedAt: at,
      });
      await this.audit.statusChanged(actor, { type: 'patient_account', id: user.id, patientId: user.id }, 'erased', tx.audit);
      return keys;
    });
    // After the commit: a file store cannot roll back. A file left behind is logged, never its name.
    for (const key of storageKeys) {
      await this.files.delete(key).catch((error: unknown) => {
        console.error(JSON.stringify({ at: new Date().toISOString(), error: `erased document's file not deleted: ${error instanceof Error ? error.message : String(error)}` }));
      });
    }
  }

  /** Upcoming consultations and waiting applications, cancelled through their own services. */
  async #cancelWhatIsAhead(patient: UserRecord): Promise<void> {
    const { consultations, applications } = this.visits;
    const upcoming: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.consultations.pageByPatient(patient.id, { limit: 100, cursor, from: this.now().toISOString() });
      for (const consultation of page.items) if (consultation.status === 'scheduled') upcoming.push(consultation.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const id of upcoming) await ignoreConflict(consultations.cancel(patient, id, undefined));
    for (const application of await this.store.applications.listByPatient(patient.id)) {
      if (application.status === 'submitted') await ignoreConflict(applications.cancel(patient, application.id));
    }
  }

  /** Documents no application lists, at any status: the others are part of the medical record. */
  async #deleteUnusedDocuments(tx: StoreRepositories, patientId: string): Promise<string[]> {
    const used = new Set((await tx.applications.listByPatient(patientId)).flatMap((application) => application.documentIds));
    const keys: string[] = [];
    for (const document of await tx.documents.listByOwner(patientId)) {
      if (used.has(document.id)) continue;
      await tx.documents.delete(document.id);
      keys.push(document.storageKey);
    }
    return keys;
  }
}

/** Cancelled or reviewed a moment ago by someone else: nothing left to cancel. */
async function ignoreConflict(cancelling: Promise<unknown>): Promise<void> {
  try {
    await cancelling;
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
  }
}
