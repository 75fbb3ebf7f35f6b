import {
  CONSENT_VERSION,
  type AuthResponse,
  type CenterId,
  type User,
  type Role,
} from '@oz/contracts';
import { DuplicateKeyError, type Store, type UserRecord } from '../ports/store.ts';
import { DomainError, unauthenticated, validationFailed } from './domain-error.ts';
import { hashPassword, isOneTimePasswordHash, normalizeOneTimePassword, verifyPassword, verifySignIn } from './passwords.ts';
import { hashToken, newBearerToken, newId } from './tokens.ts';
import type { PhoneCodeService } from './phone-codes.ts';
import type { SessionCache } from './session-cache.ts';

/** Who a request is: the user of a valid bearer token, and that token's id. */
export interface Principal {
  user: UserRecord;
  tokenId: string;
}

export interface Registration {
  fullName: string;
  birthDate: string;
  phone: string;
  email?: string | undefined;
  password: string;
  /** The code from the registration SMS: proves the phone. */
  code: string;
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
    // Staff phones come from the administrator who added them; only patients prove theirs.
    phoneConfirmed: user.role !== 'patient' || Boolean(user.phoneConfirmedAt),
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

const consentRequired = () =>
  validationFailed(
    [{ field: 'consent', code: 'consent_required', message: 'Consent to the processing of personal data (152-FZ) is required' }],
    'Consent to the processing of personal data (152-FZ) is required',
  );

/** A transaction's answer, or the error to throw once it committed (a counted wrong try must be kept). */
type Outcome<T> = { ok: T } | { error: DomainError };

async function settle<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.ok;
}

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
    /** SMS codes; left out where no one registers or resets (the staff CLI). */
    private readonly phoneCodes?: PhoneCodeService,
    /** Sessions checked lately (the API server); without it every check reads the store. */
    private readonly sessions?: SessionCache,
  ) {}

  private get codes(): PhoneCodeService {
    if (!this.phoneCodes) throw new Error('AccountService was made without SMS codes');
    return this.phoneCodes;
  }

  /** Sends a registration code; 409 `phone_taken` when the phone has an account (registration would say so too). */
  async sendRegistrationCode(phone: string) {
    if (await this.store.users.findByPhone(phone)) throw phoneTaken();
    return this.codes.send(phone, 'register');
  }

  /** Sends a reset code when the phone has an account; the answer is the same when it has none. */
  async sendResetCode(phone: string) {
    const user = await this.store.users.findByPhone(phone);
    return this.codes.send(phone, 'reset', user !== undefined);
  }

  /** Sends a code to the signed-in user's own phone, to confirm an account registered before codes. */
  async sendConfirmationCode(userId: string) {
    const user = await this.store.users.findById(userId);
    if (!user) throw unauthenticated();
    return this.codes.send(user.phone, 'confirm');
  }

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
      phoneConfirmedAt: at,
      consent: { at, version: CONSENT_VERSION },
      createdAt: at,
      updatedAt: at,
    };
    return settle(
      this.store.transaction(async (tx): Promise<Outcome<AuthResponse>> => {
        // A taken phone first: a code cannot help there, and the person should sign in instead.
        if (await tx.users.findByPhone(input.phone)) throw phoneTaken();
        const wrongCode = await this.codes.check(tx, input.phone, 'register', input.code);
        if (wrongCode) return { error: wrongCode };
        try {
          await tx.users.insert(user);
        } catch (error) {
          if (error instanceof DuplicateKeyError) throw phoneTaken();
          throw error;
        }
        return { ok: await this.issueToken(user, tx.tokens) };
      }),
    );
  }

  /**
   * A forgotten password: the code from the reset SMS sets a new one, proves the phone, ends every
   * other session of the user and signs in. A patient imported by referral who never consented
   * (152-FZ) gives the consent here, as at the first password change.
   */
  async resetPassword(phone: string, code: string, newPassword: string, consent?: boolean): Promise<AuthResponse> {
    const passwordHash = await hashPassword(newPassword);
    const at = this.now().toISOString();
    return settle(
      this.store.transaction(async (tx): Promise<Outcome<AuthResponse>> => {
        const user = await tx.users.findByPhone(phone);
        const consentMissing = user?.role === 'patient' && user.consent === null;
        // Before the code is checked, so a missing tick does not use the code up.
        if (consentMissing && consent !== true) return { error: consentRequired() };
        const wrongCode = await this.codes.check(tx, phone, 'reset', code);
        if (wrongCode) return { error: wrongCode };
        // No account: no SMS went out, so no code can have matched; kept for the type.
        if (!user) return { error: validationFailed([{ field: 'code', code: 'code_expired', message: 'This code is no longer valid; ask for a new one' }]) };
        const updated = await tx.users.update(user.id, {
          passwordHash,
          mustChangePassword: false,
          otpExpiresAt: null,
          phoneConfirmedAt: user.phoneConfirmedAt ?? at,
          ...(consentMissing ? { consent: { at, version: CONSENT_VERSION } } : {}),
          updatedAt: at,
        });
        await tx.tokens.revokeAllForUser(user.id, at);
        return { ok: await this.issueToken(updated, tx.tokens) };
      }),
    );
  }

  /** Confirms the signed-in user's phone with the code of `sendConfirmationCode`. */
  async confirmPhone(userId: string, code: string): Promise<User> {
    const at = this.now().toISOString();
    return settle(
      this.store.transaction(async (tx): Promise<Outcome<User>> => {
        const user = await tx.users.findById(userId);
        if (!user) return { error: unauthenticated() };
        const wrongCode = await this.codes.check(tx, user.phone, 'confirm', code);
        if (wrongCode) return { error: wrongCode };
        const updated = await tx.users.update(userId, { phoneConfirmedAt: user.phoneConfirmedAt ?? at, updatedAt: at });
        return { ok: toPublicUser(updated) };
      }),
    );
  }

  async signIn(phone: string, password: string): Promise<AuthResponse> {
    const user = await this.store.users.findByPhone(phone);
    const valid = await verifySignIn(user ? asStored(user, password) : password, user?.passwordHash);
    if (!user || !valid) throw new DomainError('invalid_credentials', 'Wrong phone number or password');
    // Said only to whoever knows the password: others learn nothing of the account.
    if (user.disabledAt) throw new DomainError('account_disabled', 'This account has been disabled; ask the program manager');
    if (user.mustChangePassword && user.otpExpiresAt && user.otpExpiresAt <= this.now().toISOString()) {
      throw new DomainError('one_time_password_expired', 'The one-time password from the SMS has expired; ask the program manager for a new one');
    }
    // The one-time password came by SMS to this phone: signing in with it proves the phone.
    if (!user.phoneConfirmedAt && user.mustChangePassword && isOneTimePasswordHash(user.passwordHash)) {
      const at = this.now().toISOString();
      return this.store.transaction(async (tx) => this.issueToken(await tx.users.update(user.id, { phoneConfirmedAt: at }), tx.tokens));
    }
    return this.issueToken(user, this.store.tokens);
  }

  /** The user behind a bearer token, or a 401 when it is unknown, expired or revoked. */
  async authenticate(token: string): Promise<Principal> {
    const tokenHash = hashToken(token);
    const known = this.sessions?.get(tokenHash);
    if (known) return known;
    const stamp = this.sessions?.stamp() ?? 0;
    const record = await this.store.tokens.findByHash(tokenHash);
    if (!record || record.revokedAt !== null) throw unauthenticated('Your session has ended; sign in again');
    // As times, not as ISO strings: no string made for each request.
    if (Date.parse(record.expiresAt) <= this.now().getTime()) throw unauthenticated('Your session has expired; sign in again');
    const user = await this.store.users.findById(record.userId);
    // A disabled or erased account's sessions were revoked with it; this holds even for one revoked late.
    if (!user || user.disabledAt || user.erasedAt) throw unauthenticated('Your session has ended; sign in again');
    const principal = { user, tokenId: record.id };
    return this.sessions ? this.sessions.put(tokenHash, principal, stamp, Date.parse(record.expiresAt)) : principal;
  }

  /** The principal of a token whose session was checked lately and holds (services/session-cache.ts), without waiting; else undefined. */
  knownSession(token: string): Principal | undefined {
    return this.sessions?.get(hashToken(token));
  }

  /** Forgets tokens that expired or were revoked over a day ago, and SMS codes long expired; returns how many. */
  async purgeEndedSessions(): Promise<number> {
    const tokens = await this.store.tokens.purge(new Date(this.now().getTime() - 24 * 3600 * 1000).toISOString());
    return tokens + (this.phoneCodes ? await this.phoneCodes.purgeExpired() : 0);
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
    if (consentMissing && consent !== true) throw consentRequired();
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
      // The administrator who adds a staff account knows the person and their phone.
      phoneConfirmedAt: at,
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
