import { z } from 'zod';
import { withMeta } from './meta.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is YYYY-MM-DD and names a day that exists (no 31 February). */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const OLDEST_BIRTH_YEAR = 1900;

/** A date of birth: a real calendar day, not in the future, not before 1900. */
export const BirthDate = withMeta(
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.superRefine((value: string, ctx) => {
      if (!isRealIsoDate(value)) {
        ctx.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD', params: { code: 'date_invalid' } });
        return;
      }
      const today = new Date().toISOString().slice(0, 10);
      if (value > today || Number(value.slice(0, 4)) < OLDEST_BIRTH_YEAR) {
        ctx.addIssue({
          code: 'custom',
          message: 'The date of birth must be between 1900-01-01 and today',
          params: { code: 'birth_date_out_of_range' },
        });
      }
    }),
  ),
  { description: 'YYYY-MM-DD', example: '1956-04-12' },
);
