import { z } from 'zod';
import { COMPLAINTS_MAX, DIAGNOSIS_MAX, DURATION_MINUTES } from '../constants.ts';
import { withMeta } from './meta.ts';
import { CenterId } from './centers.ts';

export const CreateApplicationRequest = withMeta(
  z.object({
    centerId: CenterId,
    disease: withMeta(z.string().check(z.minLength(1)), { description: 'A disease id of that center (GET /centers)' }),
    diagnosis: z.string().check(z.trim(), z.minLength(1), z.maxLength(DIAGNOSIS_MAX)),
    complaints: z.string().check(z.trim(), z.minLength(1), z.maxLength(COMPLAINTS_MAX)),
    documentIds: z._default(z.array(z.string()).check(z.maxLength(50)), []),
  }),
  { id: 'CreateApplicationRequest' },
);
export type CreateApplicationRequest = z.input<typeof CreateApplicationRequest>;

export const ScheduleApplicationRequest = withMeta(
  z.object({
    startsAt: withMeta(z.iso.datetime({ offset: true }), { description: 'ISO time with offset, in the future' }),
    durationMinutes: z._default(z.number().check(z.int(), z.gte(DURATION_MINUTES.min), z.lte(DURATION_MINUTES.max)), 30),
  }),
  { id: 'ScheduleApplicationRequest' },
);
export type ScheduleApplicationRequest = z.input<typeof ScheduleApplicationRequest>;

export const DeclineApplicationRequest = withMeta(
  z.object({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) }),
  { id: 'DeclineApplicationRequest' },
);
export type DeclineApplicationRequest = z.infer<typeof DeclineApplicationRequest>;
