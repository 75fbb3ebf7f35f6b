import type { CenterId, Role } from '@oz/contracts';

/** A user as stored: the public User plus what never leaves the server. */
export interface UserRecord {
  id: string;
  role: Role;
  fullName: string;
  phone: string;
  email: string | null;
  birthDate: string | null;
  centerId: CenterId | null;
  isDutyDoctor: boolean;
  mustChangePassword: boolean;
  passwordHash: string;
  /** 152-FZ consent: when it was given and which text version. Null for staff created by the CLI. */
  consent: { at: string; version: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface TokenRecord {
  id: string;
  userId: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface UserRepository {
  findById(id: string): Promise<UserRecord | undefined>;
  findByPhone(phone: string): Promise<UserRecord | undefined>;
  count(): Promise<number>;
  /** Fails with DuplicateKeyError when the phone is taken. */
  insert(user: UserRecord): Promise<void>;
  update(id: string, changes: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord>;
}

export interface TokenRepository {
  insert(token: TokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<TokenRecord | undefined>;
  revoke(id: string, at: string): Promise<void>;
  /** Revokes every live token of a user except `keepId`. */
  revokeAllForUser(userId: string, at: string, keepId?: string): Promise<number>;
  /** Drops tokens that expired or were revoked before `before`. */
  purge(before: string): Promise<number>;
}

export interface StoreRepositories {
  users: UserRepository;
  tokens: TokenRepository;
}

/**
 * The persistence port. Every `transaction` is all-or-nothing and serialised with every other
 * one, so concurrent requests never lose an update. Adapters: lowdb (default), PostgreSQL (scale).
 */
export interface Store extends StoreRepositories {
  transaction<T>(work: (tx: StoreRepositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
    super(`Duplicate ${key}`);
    this.name = 'DuplicateKeyError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}
