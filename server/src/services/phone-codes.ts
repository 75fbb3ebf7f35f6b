import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { FieldErrorCode, PhoneCodeResponse } from '@oz/contracts';
import type { SmsSender } from '../ports/sms-sender.ts';
import type { PhoneCodeRecord, Store, StoreRepositories } from '../ports/store.ts';
import { DomainError, rateLimited, validationFailed } from './domain-error.ts';

export type PhoneCodePurpose = PhoneCodeRecord['purpose'];

/** A code lives 10 minutes, takes 5 wrong tries, and a phone gets at most one SMS a minute. */
export const CODE_TTL_MS = 10 * 60_000;
export const RESEND_AFTER_MS = 60_000;
export const MAX_TRIES = 5;

const idOf = (phone: string, purpose: PhoneCodePurpose) => `${purpose}:${phone}`;

/**
 * Salted SHA-256: a million codes are no secret against someone holding the database, but the code
 * stays out of backups and logs in plain sight; what guards it is its 10 minutes and 5 tries.
 */
function hashCode(code: string, salt = randomBytes(16)): string {
  const digest = createHash('sha256').update(salt).update(code).digest();
  return `${salt.toString('base64url')}$${digest.toString('base64url')}`;
}

function matches(code: string, stored: string): boolean {
  const [salt, expected] = stored.split('$');
  if (!salt || !expected) return false;
  const actual = Buffer.from(hashCode(code, Buffer.from(salt, 'base64url')).split('$')[1]!, 'base64url');
  const wanted = Buffer.from(expected, 'base64url');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

const SMS_TEXT: Record<PhoneCodePurpose, (code: string) => string> = {
  register: (code) => `Облако здоровья: код ${code} для регистрации. Действует 10 минут. Никому его не сообщайте.`,
  reset: (code) => `Облако здоровья: код ${code} для нового пароля. Действует 10 минут. Никому его не сообщайте.`,
  confirm: (code) => `Облако здоровья: код ${code} для подтверждения телефона. Действует 10 минут. Никому его не сообщайте.`,
};

const codeError = (code: FieldErrorCode, message: string) => validationFailed([{ field: 'code', code, message }], message);

/**
 * SMS codes that prove a person holds a phone. Codes live in the store (a hash, the tries, when
 * sent), so several API instances on one database check the same code and count the same tries.
 */
export class PhoneCodeService {
  constructor(
    private readonly store: Store,
    private readonly sms: SmsSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * A new code for the phone, replacing the last one; 429 while the last SMS is under a minute old.
   * `deliver: false` records a code and sends nothing: a reset for a phone without an account
   * answers and limits exactly like one with an account, so the answer does not tell which.
   */
  async send(phone: string, purpose: PhoneCodePurpose, deliver = true): Promise<PhoneCodeResponse> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const sentAt = this.now();
    const record: PhoneCodeRecord = {
      id: idOf(phone, purpose),
      phone,
      purpose,
      codeHash: hashCode(code),
      failedAttempts: 0,
      sentAt: sentAt.toISOString(),
      expiresAt: new Date(sentAt.getTime() + CODE_TTL_MS).toISOString(),
    };
    const waitMs = await this.store.transaction(async (tx) => {
      const last = await tx.phoneCodes.findByIdForUpdate(record.id);
      const wait = last ? Date.parse(last.sentAt) + RESEND_AFTER_MS - sentAt.getTime() : 0;
      if (wait > 0) return wait;
      await tx.phoneCodes.put(record);
      return 0;
    });
    if (waitMs > 0) throw rateLimited(Math.ceil(waitMs / 1000));
    if (deliver) {
      try {
        await this.sms.send({ to: phone, text: SMS_TEXT[purpose](code) });
      } catch {
        // Nothing was sent, so nothing should hold the person back from asking again at once.
        await this.store.phoneCodes.delete(record.id);
        throw new DomainError('sms_unavailable', 'The SMS could not be sent; try again in a few minutes');
      }
    }
    return { expiresAt: record.expiresAt, resendAfter: new Date(sentAt.getTime() + RESEND_AFTER_MS).toISOString() };
  }

  /**
   * Checks a typed code inside the caller's transaction. A right code is used up; a wrong one
   * counts a try. Returns the error to throw *after* the transaction commits (throwing inside
   * would roll the counted try back), or null when the code is right.
   */
  async check(tx: StoreRepositories, phone: string, purpose: PhoneCodePurpose, typed: string): Promise<DomainError | null> {
    const id = idOf(phone, purpose);
    const record = await tx.phoneCodes.findByIdForUpdate(id);
    if (!record || record.expiresAt <= this.now().toISOString()) {
      return codeError('code_expired', 'This code is no longer valid; ask for a new one');
    }
    if (record.failedAttempts >= MAX_TRIES) return codeError('code_used_up', 'The code was entered wrong too many times; ask for a new one');
    if (!matches(typed, record.codeHash)) {
      const failed = record.failedAttempts + 1;
      await tx.phoneCodes.update(id, { failedAttempts: failed });
      return failed >= MAX_TRIES
        ? codeError('code_used_up', 'The code was entered wrong too many times; ask for a new one')
        : codeError('code_wrong', `Wrong code; ${MAX_TRIES - failed} ${MAX_TRIES - failed === 1 ? 'try' : 'tries'} left`);
    }
    await tx.phoneCodes.delete(id);
    return null;
  }

  /** Forgets codes that expired over a day ago; returns how many. */
  purgeExpired(): Promise<number> {
    return this.store.phoneCodes.purge(new Date(this.now().getTime() - 24 * 3600 * 1000).toISOString());
  }
}
