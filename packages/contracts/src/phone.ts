import { z } from 'zod';

const SEPARATORS = /[\s\-().\u00a0]/g;

/**
 * Normalises a Russian phone number as people write it ("8 (921) 123-45-67", "+7 921 123 45 67",
 * "9211234567") to +7XXXXXXXXXX, or returns null when it is not one.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(SEPARATORS, '');
  const match = /^(?:\+7|7|8)?([3-9]\d{9})$/.exec(compact);
  return match ? `+7${match[1]}` : null;
}

/** A phone field: accepts the common spellings, outputs +7XXXXXXXXXX. */
export const Phone = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (phone === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a Russian phone number, e.g. +7 921 123-45-67',
        params: { code: 'phone_invalid' },
      });
      return z.NEVER;
    }
    return phone;
  })
  .meta({ description: 'Russian phone; any common spelling in, `+7XXXXXXXXXX` out', example: '+79211234567' });

/** The normalised form, as the API returns it. */
export const NormalizedPhone = z
  .string()
  .regex(/^\+7\d{10}$/)
  .meta({ example: '+79211234567' });
