import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
// A generated one-time password has ~49 random bits and expires in days: it needs no memory-hard
// stretching against guessing, and a lighter cost keeps a 1,000-row import to seconds, not minutes.
const RANDOM_SECRET_PARAMS = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// 128 * N * r bytes are needed; Node's default maxmem (32 MiB) is too small for N=2^17.
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

// Cyrillic letters a person on a Russian keyboard layout types for the Latin ones they see.
const CYRILLIC_LOOK_ALIKES: Record<string, string> = { а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', р: 'p', с: 'c', т: 't', у: 'y', х: 'x' };

/**
 * A one-time password as typed → its plain form: case, spaces and dashes do not matter, nor
 * Cyrillic look-alikes. Only for generated one-time passwords, never a person's own password.
 */
export function normalizeOneTimePassword(typed: string): string {
  return typed
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .replace(/[авекмнрстух]/g, (letter) => CYRILLIC_LOOK_ALIKES[letter]!);
}

/**
 * `scrypt$N$r$p$salt$key` (base64url), so the cost can be raised later without breaking old hashes.
 * A `generated` one-time password is hashed in its plain form (see normalizeOneTimePassword).
 */
export async function hashPassword(password: string, kind: 'chosen' | 'generated' = 'chosen'): Promise<string> {
  const params = kind === 'generated' ? RANDOM_SECRET_PARAMS : PARAMS;
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(kind === 'generated' ? normalizeOneTimePassword(password) : password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash is of a generated one-time password (hashed at the lighter cost, in its plain form). */
export function isOneTimePasswordHash(stored: string): boolean {
  const [scheme, n] = stored.split('$');
  return scheme === 'scrypt' && Number(n) === RANDOM_SECRET_PARAMS.N;
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so a sign-in for an unknown phone does not answer faster. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password for timing');
  await verifyPassword(password, await dummyHash);
  return false;
}

/**
 * verifyPassword at the full cost whatever the stored hash: a one-time password's lighter hash
 * would otherwise answer a sign-in ten times faster and tell that the phone's owner was referred
 * by their doctor (health data).
 */
export async function verifyPasswordInFullTime(password: string, stored: string): Promise<boolean> {
  const valid = await verifyPassword(password, stored);
  if (Number(stored.split('$')[1]) < PARAMS.N) await verifyAgainstDummy(password);
  return valid;
}
