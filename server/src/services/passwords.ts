import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashingGate } from './hashing-gate.ts';

type Params = { N: number; r: number; p: number };
interface Costs {
  /** A person's own password. */
  chosen: Params;
  /** A generated one-time password: told from a chosen one's hash by its N alone. */
  generated: Params;
}

const PRODUCTION_COSTS: Costs = {
  // OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1.
  chosen: { N: 2 ** 17, r: 8, p: 1 },
  // A generated one-time password has ~49 random bits and expires in days: it needs no memory-hard
  // stretching against guessing, and a lighter cost keeps a 1,000-row import to seconds, not minutes.
  generated: { N: 2 ** 14, r: 8, p: 1 },
};
// Test servers only (OZ_TEST_FAST_PASSWORD_HASHING, refused by a production start): the same
// scheme and the same two-cost sign-in, 64 times lighter. Tests sign hundreds of people up, and
// at the real cost scrypt took half of CI's time. Both Ns differ from every N above.
const TEST_COSTS: Costs = {
  chosen: { N: 2 ** 11, r: 8, p: 1 },
  generated: { N: 2 ** 8, r: 8, p: 1 },
};
const GENERATED_NS = new Set([PRODUCTION_COSTS.generated.N, TEST_COSTS.generated.N]);

let costs = PRODUCTION_COSTS;

/** New hashes at the tests' light costs, or (the default) at the real ones. Stored hashes keep their own. */
export function useTestPasswordCosts(light: boolean): void {
  const wanted = light ? TEST_COSTS : PRODUCTION_COSTS;
  if (wanted === costs) return;
  costs = wanted;
  dummyHashes = undefined;
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// 128 * N * r bytes are needed; Node's default maxmem (32 MiB) is too small for N=2^17.
const MAX_MEMORY = 256 * 1024 * 1024;

/** One scrypt run, the unit a sign-in's cost is made of (a test counts them). */
export type Derive = (password: string, salt: Buffer, params: Params) => Promise<Buffer>;

/** Every derivation of the process passes this gate (see HashingGate). */
export const hashingGate = new HashingGate();

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return hashingGate.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
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
  const params = kind === 'generated' ? costs.generated : costs.chosen;
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(kind === 'generated' ? normalizeOneTimePassword(password) : password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string, run: Derive = derive): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await run(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash is of a generated one-time password (hashed at the lighter cost, in its plain form). */
export function isOneTimePasswordHash(stored: string): boolean {
  const [scheme, n] = stored.split('$');
  return scheme === 'scrypt' && GENERATED_NS.has(Number(n));
}

/** Hashes of no one's password, one at each cost, made once: they stand in for a missing real one. */
let dummyHashes: Promise<[full: string, light: string]> | undefined;

/**
 * A sign-in's password check, at one cost whoever asks: always one derivation at the full cost,
 * then one at the one-time passwords' lighter cost. The stored hash takes the place of the dummy
 * of its own cost, never runs on top of it; an unknown phone (`stored` undefined) runs both
 * dummies. Any other mix would let the time tell that a phone has an account, or that its owner
 * was referred by their doctor (health data). `password` as stored (see normalizeOneTimePassword).
 */
export async function verifySignIn(password: string, stored: string | undefined, run: Derive = derive): Promise<boolean> {
  dummyHashes ??= Promise.all([hashPassword('no one\'s password'), hashPassword('no one\'s password', 'generated')]);
  const [fullDummy, lightDummy] = await dummyHashes;
  const light = stored !== undefined && isOneTimePasswordHash(stored);
  const fullValid = await verifyPassword(password, stored !== undefined && !light ? stored : fullDummy, run);
  const lightValid = await verifyPassword(password, light ? stored : lightDummy, run);
  if (stored === undefined) return false;
  return light ? lightValid : fullValid;
}
