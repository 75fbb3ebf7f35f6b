import { z } from 'zod';
import { withMeta } from './meta.ts';

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
export const Phone = withMeta(
  z.pipe(
    z.string().check(z.trim(), z.minLength(1)),
    z.transform((value: string, ctx) => {
      const phone = normalizePhone(value);
      if (phone === null) {
        // Not ctx.addIssue: zod/mini's transform context has only the issue list.
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: 'Enter a Russian phone number, e.g. +7 921 123-45-67',
          params: { code: 'phone_invalid' },
        });
        return z.NEVER;
      }
      return phone;
    }),
  ),
  { description: 'Russian phone; any common spelling in, `+7XXXXXXXXXX` out', example: '+79211234567' },
);
