import { randomInt } from 'node:crypto';

/**
 * Digits and lower-case Latin letters without look-alikes (no 0/o, 1/l/i): the password is read
 * off a phone screen and typed by hand, often on a phone that capitalises the first letter.
 * 31 characters; ten of them give log2(31^10) ≈ 49.5 random bits.
 */
export const ONE_TIME_PASSWORD_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const ONE_TIME_PASSWORD_LENGTH = 10;

/** A new one-time password from crypto randomness, in its plain form (what is hashed and compared). */
export function newOneTimePassword(length = ONE_TIME_PASSWORD_LENGTH): string {
  return Array.from({ length }, () => ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)]).join('');
}

/** Who the SMS names as having referred the person: the referral's organization, else its doctor. */
export interface Referrer {
  organization?: string | null | undefined;
  referringDoctor?: string | null | undefined;
}

const MAX_REFERRER_LENGTH = 100;

/**
 * The credentials SMS: the program, who referred the person (so it does not look like phishing),
 * where to sign in, the login and the one-time password (never logged). It ends with
 * `логин <phone>, пароль <password>`, the word «пароль» once.
 */
export function credentialsText(signInUrl: string, phone: string, password: string, referrer?: Referrer): string {
  const who = (referrer?.organization?.trim() || referrer?.referringDoctor?.trim() || '').replace(/\s+/g, ' ').replace(/пароль/gi, '…');
  const named = who.length > MAX_REFERRER_LENGTH ? `${who.slice(0, MAX_REFERRER_LENGTH - 1)}…` : who;
  const program = 'Облако здоровья — бесплатные онлайн-консультации НМИЦ Минздрава России.';
  const referred = named ? ` Вас направили: ${named.replace(/[.\s]+$/, '')}.` : ' Вас направил ваш лечащий врач.';
  return `${program}${referred} Вход ${signInUrl}, логин ${phone}, пароль ${password}`;
}
