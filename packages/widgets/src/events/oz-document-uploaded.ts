import type { MedicalDocument } from '@oz/contracts';

/** A document was uploaded through <oz-documents> or <oz-apply>. */
export type OzDocumentUploadedEvent = CustomEvent<{ document: MedicalDocument }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-document-uploaded': OzDocumentUploadedEvent;
  }
}
