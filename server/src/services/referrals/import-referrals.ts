import { MAX_REFERRAL_ROWS, REFERRAL_COLUMNS, type ReferralImportReport, type ReferralPreviewRow, type ReferralRowError } from '@oz/contracts';
import type { ApplicationRecord, Store, StoreRepositories, UserRecord } from '../../ports/store.ts';
import type { SmsSender } from '../../ports/sms-sender.ts';
import { forbidden } from '../domain-error.ts';
import { hashPassword, isOneTimePasswordHash } from '../passwords.ts';
import { newId } from '../tokens.ts';
import { readTable } from './read-table.ts';
import { readReferralRows, type ReferralRow } from './read-referrals.ts';
import { credentialsText, newOneTimePassword } from './one-time-password.ts';

const OPEN = new Set(['submitted', 'scheduled']);

export interface ReferralImportSettings {
  oneTimePasswordTtlMs: number;
  /** Where the SMS tells the patient to sign in. */
  signInUrl: string;
}

interface Plan {
  outcome: 'create' | 'attach' | 'known';
  row: ReferralRow;
}

/**
 * Path 3 of the program: the manager imports the table of patients referred by regional doctors.
 * Each good row becomes a referral application to its center; a new phone becomes a patient with
 * a one-time password sent by SMS. All good rows are written in one transaction.
 */
export class ReferralImportService {
  constructor(
    private readonly store: Store,
    private readonly sms: SmsSender,
    private readonly settings: ReferralImportSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async importTable(manager: UserRecord, bytes: Uint8Array, dryRun: boolean): Promise<ReferralImportReport> {
    if (manager.role !== 'manager') throw forbidden('Only the program manager imports referrals');
    const read = readReferralRows(await readTable(bytes, MAX_REFERRAL_ROWS), this.now());
    const errors: ReferralRowError[] = [];
    const preview: ReferralPreviewRow[] = [];
    const good: ReferralRow[] = [];
    const seen = new Set<string>();
    for (const result of read) {
      if (!result.ok) {
        errors.push(...result.errors);
        preview.push({ row: result.errors[0]!.row, outcome: 'error', fullName: result.fullName, phone: result.phone, centerId: result.centerId });
        continue;
      }
      const key = `${result.value.phone}|${result.value.centerId}`;
      if (seen.has(key)) {
        const { row, fullName, phone, centerId } = result.value;
        errors.push({ row, field: null, code: 'duplicate_in_file', column: null, message: 'The same phone and center are on an earlier row' });
        preview.push({ row, outcome: 'error', fullName, phone, centerId });
        continue;
      }
      seen.add(key);
      good.push(result.value);
    }

    /** What each good row would do against the store as it is now; phones of staff or of another person are row errors. */
    const decide = async (repositories: StoreRepositories) => {
      const plans: Plan[] = [];
      const ownerErrors: ReferralRowError[] = [];
      const newPhones = new Set<string>();
      for (const row of good) {
        const existing = await repositories.users.findByPhone(row.phone);
        if (existing && existing.role !== 'patient') {
          ownerErrors.push({ row: row.row, field: 'phone', code: 'phone_belongs_to_staff', column: REFERRAL_COLUMNS.phone, message: 'This phone belongs to a staff account' });
          continue;
        }
        if (existing && !samePerson(existing, row)) {
          // Whoever registered this phone is not the referred patient (or the row is wrong): a
          // referral names a diagnosis, so it goes to nobody until the manager has checked.
          ownerErrors.push({
            row: row.row,
            field: 'phone',
            code: 'phone_belongs_to_other_person',
            column: REFERRAL_COLUMNS.phone,
            message: 'A patient with another name or birth date has this phone',
          });
          continue;
        }
        if (existing && !phoneProved(existing)) {
          // Name and birth date match, but nobody has shown they hold the phone: whoever typed in a
          // neighbour's details would get the neighbour's diagnosis. The person confirms it first.
          ownerErrors.push({
            row: row.row,
            field: 'phone',
            code: 'phone_not_confirmed',
            column: REFERRAL_COLUMNS.phone,
            message: 'The patient with this phone has not confirmed it by SMS yet; the referral is added once they sign in and confirm it',
          });
          continue;
        }
        if (!existing || newPhones.has(row.phone)) {
          // A second row of a new patient (another center) adds its referral to the same new account.
          plans.push({ outcome: 'create', row });
          newPhones.add(row.phone);
          continue;
        }
        const applications = await repositories.applications.listByPatient(existing.id);
        // Known: an open referral there, or any application already waiting at that center (one waits per center).
        const already = applications.some(
          (a) => a.centerId === row.centerId && (a.status === 'submitted' || (a.source === 'referral' && OPEN.has(a.status))),
        );
        plans.push({ outcome: already ? 'known' : 'attach', row });
      }
      return { plans, ownerErrors };
    };

    let decision: Awaited<ReturnType<typeof decide>>;
    let smsFailures: ReferralImportReport['smsFailures'] = [];
    const passwords = new Map<string, { password: string; hash: string }>();
    if (dryRun) {
      decision = await decide(this.store);
    } else {
      // Hash the new patients' passwords before taking the store's lock.
      for (const plan of (await decide(this.store)).plans) {
        if (plan.outcome !== 'create' || passwords.has(plan.row.phone)) continue;
        const password = newOneTimePassword();
        passwords.set(plan.row.phone, { password, hash: await hashPassword(password, 'generated') });
      }
      decision = await this.store.transaction(async (tx) => {
        const fresh = await decide(tx);
        await this.write(tx, fresh.plans, passwords);
        return fresh;
      });
      smsFailures = await this.sendCredentials(decision.plans, passwords);
    }

    const { plans, ownerErrors } = decision;
    for (const plan of plans) {
      preview.push({ row: plan.row.row, outcome: plan.outcome, fullName: plan.row.fullName, phone: plan.row.phone, centerId: plan.row.centerId });
    }
    for (const error of ownerErrors) {
      const row = good.find((candidate) => candidate.row === error.row)!;
      preview.push({ row: error.row, outcome: 'error', fullName: row.fullName, phone: row.phone, centerId: row.centerId });
    }
    errors.push(...ownerErrors);
    preview.sort((a, b) => a.row - b.row);
    errors.sort((a, b) => a.row - b.row);
    const count = (outcome: Plan['outcome']) => plans.filter((plan) => plan.outcome === outcome).length;
    return {
      dryRun,
      total: read.length,
      created: new Set(plans.filter((plan) => plan.outcome === 'create').map((plan) => plan.row.phone)).size,
      skipped: count('attach') + count('known'),
      attached: count('attach'),
      errors,
      rows: preview,
      smsFailures,
    };
  }

  private async write(tx: StoreRepositories, plans: Plan[], passwords: Map<string, { password: string; hash: string }>): Promise<void> {
    const at = this.now().toISOString();
    const otpExpiresAt = new Date(this.now().getTime() + this.settings.oneTimePasswordTtlMs).toISOString();
    for (const plan of plans) {
      const { row } = plan;
      if (plan.outcome === 'known') continue;
      let patient = await tx.users.findByPhone(row.phone);
      if (!patient) {
        const secret = passwords.get(row.phone);
        if (!secret) throw new Error('A new patient appeared between planning and writing; import again');
        patient = newPatient(row, secret.hash, otpExpiresAt, at);
        await tx.users.insert(patient);
      }
      await tx.applications.insert(referralApplication(patient.id, row, at));
    }
  }

  private async sendCredentials(plans: Plan[], passwords: Map<string, { password: string }>) {
    const failures: ReferralImportReport['smsFailures'] = [];
    const sent = new Set<string>();
    for (const plan of plans.filter((p) => p.outcome === 'create')) {
      if (sent.has(plan.row.phone)) continue;
      sent.add(plan.row.phone);
      const password = passwords.get(plan.row.phone)!.password;
      try {
        await this.sms.send({ to: plan.row.phone, text: credentialsText(this.settings.signInUrl, plan.row.phone, password, plan.row) });
      } catch {
        failures.push({ row: plan.row.row, phone: plan.row.phone });
      }
    }
    return failures;
  }
}

/**
 * Whether the account's phone is known to be its holder's: confirmed by an SMS code, or an account
 * this import created that nobody has entered yet (its only way in is the password SMS to that phone).
 */
function phoneProved(user: UserRecord): boolean {
  return Boolean(user.phoneConfirmedAt) || (user.mustChangePassword && isOneTimePasswordHash(user.passwordHash));
}

/** The same person: the birth date, and the full name up to case, ё and spacing. */
function samePerson(user: UserRecord, row: ReferralRow): boolean {
  const name = (value: string) => value.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  return user.birthDate === row.birthDate && name(user.fullName) === name(row.fullName);
}

function newPatient(row: ReferralRow, passwordHash: string, otpExpiresAt: string, at: string): UserRecord {
  return {
    id: newId(),
    role: 'patient',
    fullName: row.fullName,
    phone: row.phone,
    email: null,
    birthDate: row.birthDate,
    centerId: null,
    isDutyDoctor: false,
    mustChangePassword: true,
    passwordHash,
    otpExpiresAt,
    consent: null,
    createdAt: at,
    updatedAt: at,
  };
}

function referralApplication(patientId: string, row: ReferralRow, at: string): ApplicationRecord {
  return {
    id: newId(),
    patientId,
    centerId: row.centerId,
    disease: '',
    diagnosis: row.diagnosis,
    complaints: '',
    documentIds: [],
    status: 'submitted',
    source: 'referral',
    referral: { referringDoctor: row.referringDoctor, organization: row.organization, importedAt: at },
    declineReason: null,
    consultationId: null,
    reviewedBy: null,
    createdAt: at,
    updatedAt: at,
  };
}
