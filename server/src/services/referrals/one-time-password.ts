import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a phone screen and typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Eight characters, about 46 random bits. */
export function newOneTimePassword(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** The credentials SMS: where to sign in, the login and the one-time password (never logged). */
export function credentialsText(signInUrl: string, phone: string, password: string): string {
  return `Облако здоровья: вход ${signInUrl}, логин ${phone}, пароль ${password}`;
}
