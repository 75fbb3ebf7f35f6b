import { z } from 'zod';

// The phone field is a form field: written once for the API and the browser's pre-check.
export { normalizePhone, Phone } from './forms/phone.ts';

/** The normalised form, as the API returns it. */
export const NormalizedPhone = z
  .string()
  .regex(/^\+7\d{10}$/)
  .meta({ example: '+79211234567' });
