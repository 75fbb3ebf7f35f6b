import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
// A generated one-time password has ~46 random bits and expires in days: it needs no memory-hard
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

/** `scrypt$N$r$p$salt$key` (base64url), so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string, kind: 'chosen' | 'generated' = 'chosen'): Promise<string> {
  const params = kind === 'generated' ? RANDOM_SECRET_PARAMS : PARAMS;
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
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
