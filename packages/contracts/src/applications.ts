import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { DIAGNOSIS_MAX, COMPLAINTS_MAX, DURATION_MINUTES } from './constants.ts';
import { CenterId } from './centers.ts';

export const ApplicationStatus = z.enum(['submitted', 'scheduled', 'declined', 'cancelled']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationSource = z.enum(['own', 'referral']);
export type ApplicationSource = z.infer<typeof ApplicationSource>;


export const CreateApplicationRequest = z
  .object({
    centerId: CenterId,
    disease: z.string().min(1).meta({ description: 'A disease id of that center (GET /centers)' }),
    diagnosis: z.string().trim().min(1).max(DIAGNOSIS_MAX),
    complaints: z.string().trim().min(1).max(COMPLAINTS_MAX),
    documentIds: z.array(z.string()).max(50).default([]),
  })
  .meta({ id: 'CreateApplicationRequest' });
export type CreateApplicationRequest = z.input<typeof CreateApplicationRequest>;

export const Referral = z
  .object({
    referringDoctor: z.string(),
    organization: z.string(),
    importedAt: z.string(),
  })
  .meta({ id: 'Referral' });

export const Application = z
  .object({
    id: z.string(),
    patientId: z.string(),
    patient: z.object({ fullName: z.string(), age: z.number().int().nullable(), phone: z.string() }),
    centerId: CenterId,
    disease: z.string(),
    diagnosis: z.string(),
    complaints: z.string(),
    documentIds: z.array(z.string()),
    status: ApplicationStatus,
    source: ApplicationSource,
    referral: Referral.nullable(),
    declineReason: z.string().nullable(),
    consultationId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof Application>;

export const ApplicationList = z.object({ items: z.array(Application), nextCursor: NextCursor }).meta({ id: 'ApplicationList' });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const ApplicationListQuery = pageQuery('applications').extend({ status: ApplicationStatus.optional() });

export const ScheduleApplicationRequest = z
  .object({
    startsAt: z.iso.datetime({ offset: true }).meta({ description: 'ISO time with offset, in the future' }),
    durationMinutes: z.number().int().min(DURATION_MINUTES.min).max(DURATION_MINUTES.max).default(30),
  })
  .meta({ id: 'ScheduleApplicationRequest' });
export type ScheduleApplicationRequest = z.input<typeof ScheduleApplicationRequest>;

export const DeclineApplicationRequest = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'DeclineApplicationRequest' });
export type DeclineApplicationRequest = z.infer<typeof DeclineApplicationRequest>;
