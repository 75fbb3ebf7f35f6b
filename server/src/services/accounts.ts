import {
  CONSENT_VERSION,
  type AuthResponse,
  type CenterId,
  type User,
  type Role,
} from '@oz/contracts';
import { DuplicateKeyError, type Store, type UserRecord } from '../ports/store.ts';
import { DomainError, unauthenticated, validationFailed } from './domain-error.ts';
import { hashPassword, isOneTimePasswordHash, normalizeOneTimePassword, verifyAgainstDummy, verifyPassword, verifyPasswordInFullTime } from './passwords.ts';
import { hashToken, newBearerToken, newId } from './tokens.ts';

export interface Registration {
  fullName: string;
  birthDate: string;
  phone: string;
  email?: string | undefined;
  password: string;
}

export interface StaffAccount {
  role: Exclude<Role, 'patient'>;
  fullName: string;
  phone: string;
  password: string;
  centerId: CenterId | null;
  isDutyDoctor: boolean;
}

export function toPublicUser(user: UserRecord): User {
  return {
    id: user.id,
    role: user.role,
    fullName: user.fullName,
    phone: user.phone,
    email: user.email,
    birthDate: user.birthDate,
    centerId: user.centerId,
    isDutyDoctor: user.isDutyDoctor,
    mustChangePassword: user.mustChangePassword,
    consentGiven: user.consent !== null,
    createdAt: user.createdAt,
  };
}

/**
 * What is checked against the stored hash: while a user is still on the one-time password from the
 * SMS (mustChangePassword, and the hash is of a generated password), its plain form, so case,
 * spaces and dashes do not matter; a person's own password exactly as typed.
 */
const asStored = (user: UserRecord, typed: string) =>
  user.mustChangePassword && isOneTimePasswordHash(user.passwordHash) ? normalizeOneTimePassword(typed) : typed;

const phoneTaken = () =>
  new DomainError('phone_taken', 'An account with this phone number already exists', {
    fields: [{ field: 'phone', code: 'taken', message: 'An account with this phone number already exists; sign in instead' }],
  });

/** Accounts and sessions: registration, sign-in, bearer tokens, password changes. */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly tokenTtlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(input: Registration): Promise<AuthResponse> {
    // Hash before taking the store's lock: scrypt takes ~100 ms and must not block other writes.
    const passwordHash = await hashPassword(input.password);
    const at = this.now().toISOString();
    const user: UserRecord = {
      id: newId(),
      role: 'patient',
      fullName: input.fullName,
      phone: input.phone,
      email: input.email ?? null,
      birthDate: input.birthDate,
      centerId: null,
      isDutyDoctor: false,
      mustChangePassword: false,
      passwordHash,
      consent: { at, version: CONSENT_VERSION },
      createdAt: at,
      updatedAt: at,
    };
    return this.store.transaction(async (tx) => {
      try {
        await tx.users.insert(user);
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw phoneTaken();
        throw error;
      }
      return this.issueToken(user, tx.tokens);
    });
  }

  async signIn(phone: string, password: string): Promise<AuthResponse> {
    const user = await this.store.users.findByPhone(phone);
    const valid = user ? await verifyPasswordInFullTime(asStored(user, password), user.passwordHash) : await verifyAgainstDummy(password);
    if (!user || !valid) throw new DomainError('invalid_credentials', 'Wrong phone number or password');
    if (user.mustChangePassword && user.otpExpiresAt && user.otpExpiresAt <= this.now().toISOString()) {
      throw new DomainError('one_time_password_expired', 'The one-time password from the SMS has expired; ask the program manager for a new one');
    }
    return this.issueToken(user, this.store.tokens);
  }

  /** The user behind a bearer token, or a 401 when it is unknown, expired or revoked. */
  async authenticate(token: string): Promise<{ user: UserRecord; tokenId: string }> {
    const record = await this.store.tokens.findByHash(hashToken(token));
    if (!record || record.revokedAt !== null) throw unauthenticated('Your session has ended; sign in again');
    if (record.expiresAt <= this.now().toISOString()) throw unauthenticated('Your session has expired; sign in again');
    const user = await this.store.users.findById(record.userId);
    if (!user) throw unauthenticated('Your session has ended; sign in again');
    return { user, tokenId: record.id };
  }

  /** Forgets tokens that expired or were revoked over a day ago; returns how many. */
  purgeEndedSessions(): Promise<number> {
    return this.store.tokens.purge(new Date(this.now().getTime() - 24 * 3600 * 1000).toISOString());
  }

  /** Whether the session of this token still holds: not signed out, not revoked, not expired. */
  async isSessionActive(tokenId: string): Promise<boolean> {
    const record = await this.store.tokens.findById(tokenId);
    return record !== undefined && record.revokedAt === null && record.expiresAt > this.now().toISOString();
  }

  async signOut(tokenId: string): Promise<void> {
    await this.store.tokens.revoke(tokenId, this.now().toISOString());
  }

  /**
   * Changes the password and ends every other session of the user (a stolen token stops working).
   * `currentPassword` may be left out only by a user still on the one-time password: their session
   * proved it at sign-in (tokens are only issued by a sign-in, and a new one-time password revokes them).
   */
  async changePassword(
    userId: string,
    tokenId: string,
    currentPassword: string | undefined,
    newPassword: string,
    consent?: boolean,
  ): Promise<User> {
    const user = await this.store.users.findById(userId);
    if (!user) throw unauthenticated();
    // A patient imported from a referral table never ticked the 152-FZ consent: they do it here, first.
    const consentMissing = user.role === 'patient' && user.consent === null;
    if (consentMissing && consent !== true) {
      throw validationFailed(
        [{ field: 'consent', code: 'consent_required', message: 'Consent to the processing of personal data (152-FZ) is required' }],
        'Consent to the processing of personal data (152-FZ) is required',
      );
    }
    if (currentPassword === undefined) {
      if (!user.mustChangePassword) {
        throw validationFailed(
          [{ field: 'currentPassword', code: 'required', message: 'The current password is required' }],
          'The current password is required',
        );
      }
      // Not the one-time password again: it was sent by SMS and must not become the person's own.
      if (await verifyPassword(asStored(user, newPassword), user.passwordHash)) {
        throw validationFailed(
          [{ field: 'newPassword', code: 'password_same', message: 'The new password must differ from the current one' }],
          'The new password must differ from the current one',
        );
      }
    } else if (!(await verifyPassword(asStored(user, currentPassword), user.passwordHash))) {
      throw validationFailed([{ field: 'currentPassword', code: 'invalid', message: 'The current password is wrong' }], 'The current password is wrong');
    }
    const passwordHash = await hashPassword(newPassword);
    const at = this.now().toISOString();
    return this.store.transaction(async (tx) => {
      const updated = await tx.users.update(userId, {
        passwordHash,
        mustChangePassword: false,
        otpExpiresAt: null,
        ...(consentMissing ? { consent: { at, version: CONSENT_VERSION } } : {}),
        updatedAt: at,
      });
      await tx.tokens.revokeAllForUser(userId, at, tokenId);
      return toPublicUser(updated);
    });
  }

  /** Staff accounts come from the CLI (and the demo seed), never from the public API. */
  async createStaff(account: StaffAccount): Promise<User> {
    const passwordHash = await hashPassword(account.password);
    const at = this.now().toISOString();
    const user: UserRecord = {
      id: newId(),
      role: account.role,
      fullName: account.fullName,
      phone: account.phone,
      email: null,
      birthDate: null,
      centerId: account.centerId,
      isDutyDoctor: account.isDutyDoctor,
      mustChangePassword: false,
      passwordHash,
      consent: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.store.users.insert(user);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw phoneTaken();
      throw error;
    }
    return toPublicUser(user);
  }

  private async issueToken(user: UserRecord, tokens: Store['tokens']): Promise<AuthResponse> {
    const token = newBearerToken();
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + this.tokenTtlMs).toISOString();
    await tokens.insert({
      id: newId(),
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: createdAt.toISOString(),
      expiresAt,
      revokedAt: null,
    });
    return { token, expiresAt, user: toPublicUser(user) };
  }
}
