import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: unguessable, so a plain SHA-256 is enough to store it safely. */
export function newBearerToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
