import type { Consultation, CreateStaffRequest, DisableStaffResult, StaffList, StaffMember, StaffPasswordResult, UpdateStaffRequest } from '@oz/contracts';
import { DuplicateKeyError, type Store, type UserRecord } from '../ports/store.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import type { AuditActor, AuditService } from './audit.ts';
import type { ConsultationService } from './consultations.ts';
import { conflict, DomainError, forbidden, notFound, validationFailed } from './domain-error.ts';
import { hashPassword } from './passwords.ts';
import { newOneTimePassword } from './referrals/one-time-password.ts';
import { newId } from './tokens.ts';

export interface StaffSettings {
  signInUrl: string;
  oneTimePasswordTtlMs: number;
}

/** A staff change as the manager asks for it, with who asks (for the audit trail). */
type Change = 'created' | 'updated' | 'disabled' | 'enabled' | 'password_sent';

const toStaffMember = (user: UserRecord): StaffMember => ({
  id: user.id,
  role: user.role === 'manager' ? 'manager' : 'doctor',
  fullName: user.fullName,
  phone: user.phone,
  centerId: user.centerId,
  isDutyDoctor: user.isDutyDoctor,
  disabledAt: user.disabledAt ?? null,
  mustChangePassword: user.mustChangePassword,
  createdAt: user.createdAt,
});

/** The SMS a new doctor or manager gets, and the one with a new password: where to sign in, login, password. */
const staffPasswordText = (signInUrl: string, phone: string, password: string) =>
  `Облако здоровья: учётная запись сотрудника. Вход ${signInUrl}, логин ${phone}, пароль ${password}. Смените пароль при первом входе.`;

/**
 * Doctors' and managers' accounts over their whole life (the manager's, from the browser or the
 * CLI): list, add with a password by SMS, change a center or the duty flag, disable (every session
 * ends the same minute; their open consultations are listed for reassignment), enable, a new
 * password by SMS. Every change enters the audit trail.
 */
export class StaffService {
  constructor(
    private readonly store: Store,
    private readonly sms: SmsSender,
    private readonly audit: AuditService,
    private readonly consultations: ConsultationService,
    private readonly settings: StaffSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: AuditActor): Promise<StaffList> {
    managerOnly(actor);
    return { items: (await this.store.users.listStaff()).map(toStaffMember) };
  }

  async create(actor: AuditActor, request: Required<CreateStaffRequest>): Promise<StaffPasswordResult> {
    managerOnly(actor);
    const centerId = request.role === 'doctor' ? request.centerId : null;
    if (request.role === 'doctor' && !centerId) {
      throw validationFailed([{ field: 'centerId', code: 'required', message: 'A doctor works for a center: bakulev or kulakov' }]);
    }
    if (await this.store.users.findByPhone(request.phone)) throw phoneTaken();
    const password = newOneTimePassword();
    const at = this.now();
    const user: UserRecord = {
      id: newId(),
      role: request.role,
      fullName: request.fullName,
      phone: request.phone,
      email: null,
      birthDate: null,
      centerId,
      isDutyDoctor: request.role === 'doctor' && request.isDutyDoctor,
      mustChangePassword: true,
      passwordHash: await hashPassword(password, 'generated'),
      otpExpiresAt: this.#expiry(at),
      // The manager who adds a colleague knows the person and their phone; the SMS proves it too.
      phoneConfirmedAt: at.toISOString(),
      disabledAt: null,
      consent: null,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    // The SMS first: when the gateway refuses, no account waits for a password nobody got.
    await this.#sendPassword(user.phone, password);
    try {
      await this.store.users.insert(user);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw phoneTaken();
      throw error;
    }
    await this.#record(actor, user, 'created');
    return { staff: toStaffMember(user), expiresAt: user.otpExpiresAt! };
  }

  async update(actor: AuditActor, id: string, changes: UpdateStaffRequest): Promise<StaffMember> {
    managerOnly(actor);
    const current = await this.#staff(id);
    if (current.role === 'manager' && (changes.centerId !== undefined || changes.isDutyDoctor)) {
      throw validationFailed([{ field: 'centerId', code: 'invalid', message: 'A manager has no center and takes no duty' }]);
    }
    const updated = await this.store.users.update(id, {
      ...(changes.fullName !== undefined ? { fullName: changes.fullName } : {}),
      ...(changes.centerId !== undefined ? { centerId: changes.centerId } : {}),
      ...(changes.isDutyDoctor !== undefined ? { isDutyDoctor: changes.isDutyDoctor } : {}),
      updatedAt: this.now().toISOString(),
    });
    await this.#record(actor, updated, 'updated');
    return toStaffMember(updated);
  }

  /** Every session ends at once (streams and video sockets hear it through the store's change notices). */
  async disable(actor: AuditActor, id: string): Promise<DisableStaffResult> {
    managerOnly(actor);
    if (id === actor.user.id) throw conflict('own_account', 'A manager cannot disable their own account; ask another manager');
    await this.#staff(id);
    const at = this.now().toISOString();
    const disabled = await this.store.transaction(async (tx) => {
      const user = await tx.users.update(id, { disabledAt: at, updatedAt: at });
      await tx.tokens.revokeAllForUser(id, at);
      return user;
    });
    await this.#record(actor, disabled, 'disabled');
    return { staff: toStaffMember(disabled), openConsultations: disabled.role === 'doctor' ? await this.#openConsultations(id) : [] };
  }

  async enable(actor: AuditActor, id: string): Promise<StaffMember> {
    managerOnly(actor);
    await this.#staff(id);
    const enabled = await this.store.users.update(id, { disabledAt: null, updatedAt: this.now().toISOString() });
    await this.#record(actor, enabled, 'enabled');
    return toStaffMember(enabled);
  }

  /** A new one-time password by SMS; the old password and every session stop working. */
  async sendPassword(actor: AuditActor, id: string): Promise<StaffPasswordResult> {
    managerOnly(actor);
    const user = await this.#staff(id);
    const password = newOneTimePassword();
    const passwordHash = await hashPassword(password, 'generated');
    await this.#sendPassword(user.phone, password);
    const at = this.now();
    const expiresAt = this.#expiry(at);
    const updated = await this.store.transaction(async (tx) => {
      const changed = await tx.users.update(id, { passwordHash, mustChangePassword: true, otpExpiresAt: expiresAt, updatedAt: at.toISOString() });
      await tx.tokens.revokeAllForUser(id, at.toISOString());
      return changed;
    });
    await this.#record(actor, updated, 'password_sent');
    return { staff: toStaffMember(updated), expiresAt };
  }

  /** A staff account by id or by phone (the CLI names people by phone). */
  async findByPhone(actor: AuditActor, phone: string): Promise<StaffMember> {
    managerOnly(actor);
    const user = await this.store.users.findByPhone(phone);
    if (!user || user.role === 'patient') throw notFound('A doctor or manager with this phone number');
    return toStaffMember(user);
  }

  async #staff(id: string): Promise<UserRecord> {
    const user = await this.store.users.findById(id);
    if (!user || user.role === 'patient') throw notFound('The staff account');
    return user;
  }

  async #openConsultations(doctorId: string): Promise<Consultation[]> {
    const page = await this.store.consultations.pageByDoctor(doctorId, { from: new Date(this.now().getTime() - 24 * 3600_000).toISOString(), limit: 200 });
    const open = page.items.filter((consultation) => consultation.status === 'scheduled' || consultation.status === 'in_progress');
    return Promise.all(open.map((consultation) => this.consultations.view(consultation)));
  }

  async #sendPassword(phone: string, password: string): Promise<void> {
    try {
      await this.sms.send({ to: phone, text: staffPasswordText(this.settings.signInUrl, phone, password) });
    } catch {
      throw new DomainError('sms_unavailable', 'The SMS could not be sent; nothing was changed. Try again later');
    }
  }

  #expiry(at: Date): string {
    return new Date(at.getTime() + this.settings.oneTimePasswordTtlMs).toISOString();
  }

  #record(actor: AuditActor, user: UserRecord, change: Change): Promise<void> {
    return this.audit.statusChanged(actor, { type: 'staff_account', id: user.id, patientId: user.id }, change);
  }
}

function managerOnly(actor: AuditActor): void {
  if (actor.user.role !== 'manager') throw forbidden('Only the program manager manages staff accounts');
}

const phoneTaken = () =>
  new DomainError('phone_taken', 'An account with this phone number already exists', {
    fields: [{ field: 'phone', code: 'taken', message: 'An account with this phone number already exists' }],
  });
