/** The patient deleted a document. */
export type OzDocumentDeletedEvent = CustomEvent<{ documentId: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-document-deleted': OzDocumentDeletedEvent;
  }
}
