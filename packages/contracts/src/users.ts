import { z } from 'zod';
import { NormalizedPhone } from './phone.ts';
import { CenterId } from './centers.ts';

export const Role = z.enum(['patient', 'doctor', 'manager']);
export type Role = z.infer<typeof Role>;

export const User = z
  .object({
    id: z.string(),
    role: Role,
    fullName: z.string(),
    phone: NormalizedPhone,
    email: z.string().nullable(),
    birthDate: z.string().nullable().meta({ description: 'YYYY-MM-DD; patients only' }),
    centerId: CenterId.nullable().meta({ description: 'The center a doctor works for' }),
    isDutyDoctor: z.boolean(),
    mustChangePassword: z.boolean().meta({ description: 'True while a one-time password from an SMS is in use' }),
    phoneConfirmed: z.boolean().meta({
      description:
        'The phone was proved with an SMS code (or the SMS one-time password). False for accounts registered before codes: ask for a code (`POST /auth/phone/code`, `POST /auth/phone/confirm`)',
    }),
    consentGiven: z
      .boolean()
      .meta({ description: 'The patient consented to personal data processing (152-FZ); imported patients give it with their first password change' }),
    createdAt: z.string().meta({ description: 'ISO time' }),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;
