import type { CredentialsResendResult } from '@oz/contracts';
import type { Store, UserRecord } from '../../ports/store.ts';
import type { SmsSender } from '../../ports/sms-sender.ts';
import type { RateLimits } from '../../ports/coordination.ts';
import { DomainError, forbidden, rateLimited } from '../domain-error.ts';
import { hashPassword } from '../passwords.ts';
import { credentialsText, newOneTimePassword } from './one-time-password.ts';
import type { ReferralImportSettings } from './import-referrals.ts';

/** One SMS per phone a minute at most: a double click must not send two passwords, the second voiding the first. */
const RESEND_INTERVAL_MS = 60_000;

/**
 * A new one-time password by SMS for a patient who has not yet chosen their own: the import's SMS
 * did not arrive, or its password expired ("ask the program manager for a new one").
 */
export class CredentialsResendService {
  constructor(
    private readonly store: Store,
    private readonly sms: SmsSender,
    /** Shared by every instance: a double click landing on two instances still sends one SMS. */
    private readonly limits: RateLimits,
    private readonly settings: ReferralImportSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async resend(manager: UserRecord, phone: string): Promise<CredentialsResendResult> {
    if (manager.role !== 'manager') throw forbidden('Only the program manager sends new passwords');
    const patient = await this.store.users.findByPhone(phone);
    if (!patient || patient.role !== 'patient') throw new DomainError('not_found', 'No patient has this phone number');
    if (!patient.mustChangePassword) throw passwordAlreadySet();

    const now = this.now().getTime();
    // Taken atomically before the SMS, so a second request at the same moment waits its minute.
    const minute = `credentials-sms:${phone}`;
    const wait = await this.limits.hit(minute, 1, RESEND_INTERVAL_MS, now);
    if (wait > 0) throw rateLimited(wait);

    // The SMS names who referred the patient: the organization of their newest referral.
    const referral = (await this.store.applications.listByPatient(patient.id))
      .filter((application) => application.referral !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.referral;
    const password = newOneTimePassword();
    const passwordHash = await hashPassword(password, 'generated');
    // Send first: when the gateway refuses, the patient's current password still works.
    try {
      await this.sms.send({ to: phone, text: credentialsText(this.settings.signInUrl, phone, password, referral ?? undefined) });
    } catch {
      await this.limits.forget(minute); // nothing went out: the manager may try again at once
      throw new DomainError('sms_unavailable', 'The SMS could not be sent; nothing was changed. Try again later');
    }

    const at = new Date(now).toISOString();
    const expiresAt = new Date(now + this.settings.oneTimePasswordTtlMs).toISOString();
    await this.store.transaction(async (tx) => {
      const current = await tx.users.findById(patient.id);
      if (!current?.mustChangePassword) throw passwordAlreadySet();
      await tx.users.update(patient.id, { passwordHash, otpExpiresAt: expiresAt, updatedAt: at });
      // Whoever signed in with the old password is signed out: only the new SMS opens the account.
      await tx.tokens.revokeAllForUser(patient.id, at);
    });
    return { phone, fullName: patient.fullName, expiresAt };
  }
}

const passwordAlreadySet = () =>
  new DomainError('password_already_set', 'The patient has already chosen their own password; they sign in with it');
