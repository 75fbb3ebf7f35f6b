import { hash, randomBytes } from 'node:crypto';

/** 256 random bits: unguessable, so a plain SHA-256 is enough to store it safely. */
export function newBearerToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Every authenticated request hashes its token: the one-shot `hash` is several times faster than createHash. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
