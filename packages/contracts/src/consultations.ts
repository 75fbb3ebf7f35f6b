import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { CenterId } from './centers.ts';
import { ConclusionOutcome } from './forms/consultations.ts';

// The requests of the desk's consultation forms: written once for the API and the browser's pre-check.
export { CancelConsultationRequest, ConclusionOutcome, WriteConclusionRequest } from './forms/consultations.ts';

export const ConsultationStatus = z.enum(['scheduled', 'in_progress', 'completed', 'cancelled']);
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

export const ConsultationKind = z.enum(['application', 'duty', 'referral']);
export type ConsultationKind = z.infer<typeof ConsultationKind>;

export const Consultation = z
  .object({
    id: z.string(),
    kind: ConsultationKind,
    status: ConsultationStatus,
    centerId: CenterId,
    patientId: z.string(),
    patientName: z.string(),
    doctorId: z.string(),
    doctorName: z.string(),
    applicationId: z.string().nullable(),
    slotId: z.string().nullable(),
    /** What the patient wants to ask the duty doctor; null for other kinds. */
    topic: z.string().nullable(),
    channel: z.enum(['video']),
    startsAt: z.string(),
    endsAt: z.string(),
    durationMinutes: z.number().int(),
    cancelledBy: z.enum(['patient', 'doctor']).nullable(),
    cancelReason: z.string().nullable(),
    hasConclusion: z.boolean(),
    /** When the doctor ended the call; null before that and again once the doctor rejoins. The patient cannot join meanwhile. */
    callEndedAt: z.string().nullable(),
    /** Chat messages from the other side that the caller has not read yet (reading: POST /consultations/{id}/messages/read). */
    unreadMessages: z.number().int().min(0),
    createdAt: z.string(),
  })
  .meta({ id: 'Consultation' });
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationList = z.object({ items: z.array(Consultation), nextCursor: NextCursor }).meta({ id: 'ConsultationList' });

export const ConsultationListQuery = pageQuery('consultations').extend({
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Only consultations starting at or after this time' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Only consultations starting before this time' }),
  order: z.enum(['asc', 'desc']).default('asc').meta({ description: 'By start time: `asc` (default, the earliest first) or `desc`' }),
});
export type ConsultationList = z.infer<typeof ConsultationList>;

export const Conclusion = z
  .object({
    consultationId: z.string(),
    doctorId: z.string(),
    doctorName: z.string(),
    text: z.string(),
    recommendations: z.string(),
    outcome: ConclusionOutcome,
    createdAt: z.string(),
  })
  .meta({ id: 'Conclusion' });
export type Conclusion = z.infer<typeof Conclusion>;
