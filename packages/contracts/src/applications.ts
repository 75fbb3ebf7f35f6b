import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { CenterId } from './centers.ts';

// The requests of the application forms: written once for the API and the browser's pre-check.
export { CreateApplicationRequest, DeclineApplicationRequest, ScheduleApplicationRequest } from './forms/applications.ts';

export const ApplicationStatus = z.enum(['submitted', 'scheduled', 'declined', 'cancelled']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationSource = z.enum(['own', 'referral']);
export type ApplicationSource = z.infer<typeof ApplicationSource>;

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
