import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a phone screen and typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Eight characters, about 46 random bits. */
export function newOneTimePassword(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
