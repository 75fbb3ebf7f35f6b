import { z } from 'zod';
import { CenterId } from './forms/centers.ts';

export { CenterId } from './forms/centers.ts';

/** One shared list of document kinds (DESIGN.md §2). */
export const DocumentKind = z.enum([
  'discharge_summary',
  'pregnancy_card',
  'ecg',
  'echocg',
  'pelvic_ultrasound',
  'fetal_ultrasound',
  'ct',
  'mri',
  'conclusion',
  'other',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Disease = z.object({ id: z.string(), name: z.string(), nameEn: z.string() }).meta({ id: 'Disease' });
export type Disease = z.infer<typeof Disease>;

export const CenterDocument = z
  .object({
    kind: DocumentKind,
    name: z.string(),
    required: z.boolean().meta({ description: 'false means "if available"' }),
  })
  .meta({ id: 'CenterDocument' });
export type CenterDocument = z.infer<typeof CenterDocument>;

export const Center = z
  .object({
    id: CenterId,
    name: z.string().meta({ description: 'Official Russian name' }),
    shortName: z.string(),
    nameEn: z.string(),
    diseases: z.array(Disease),
    documents: z.array(CenterDocument),
  })
  .meta({ id: 'Center' });
export type Center = z.infer<typeof Center>;

export const CenterList = z.object({ items: z.array(Center) }).meta({ id: 'CenterList' });
export type CenterList = z.infer<typeof CenterList>;
