import { z } from 'zod';
import { DocumentKind } from './centers.ts';

/**
 * What an upload may be, decided by the file's content, never by its name or declared type.
 * `application/zip` is a ZIP whose every file is DICOM: a CT or MRI study as a disc holds it.
 */
export const DocumentMediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'application/dicom', 'application/zip']);
export type DocumentMediaType = z.infer<typeof DocumentMediaType>;

export const MedicalDocument = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    kind: DocumentKind,
    fileName: z.string().meta({ description: 'The name the file had on the patient\'s device' }),
    mediaType: DocumentMediaType,
    sizeBytes: z.number().int(),
    uploadedAt: z.string(),
    /** True while an application that is not closed refers to it; such a document cannot be deleted. */
    inUse: z.boolean(),
  })
  .meta({ id: 'MedicalDocument' });
export type MedicalDocument = z.infer<typeof MedicalDocument>;

export const DocumentList = z.object({ items: z.array(MedicalDocument) }).meta({ id: 'DocumentList' });
export type DocumentList = z.infer<typeof DocumentList>;

export const DocumentListQuery = z.object({
  patientId: z.string().optional().meta({ description: 'Doctors only: a patient who applied to or booked them' }),
});

/** Multipart form of `POST /documents`. */
export const UploadDocumentForm = z.object({
  kind: DocumentKind,
  file: z.instanceof(File).meta({ type: 'string', format: 'binary' } as never),
});
