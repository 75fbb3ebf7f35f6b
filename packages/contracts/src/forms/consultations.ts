import { z } from 'zod';
import { withMeta } from './meta.ts';

export const CancelConsultationRequest = withMeta(
  z.object({ reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))) }),
  { id: 'CancelConsultationRequest' },
);
export type CancelConsultationRequest = z.infer<typeof CancelConsultationRequest>;

export const ConclusionOutcome = z.enum(['conclusion', 'in_person']);
export type ConclusionOutcome = z.infer<typeof ConclusionOutcome>;

export const WriteConclusionRequest = withMeta(
  z.object({
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
    recommendations: z._default(z.string().check(z.trim(), z.maxLength(20_000)), ''),
    outcome: withMeta(ConclusionOutcome, { description: '`in_person`: an invitation to an in-person visit' }),
  }),
  { id: 'WriteConclusionRequest' },
);
export type WriteConclusionRequest = z.input<typeof WriteConclusionRequest>;
