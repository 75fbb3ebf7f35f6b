import type { Center, CenterDocument, DocumentKind, MedicalDocument } from '@oz/contracts';

/** One line of a center's document checklist and the patient's uploads of that kind. */
export interface ChecklistRow {
  requirement: CenterDocument;
  documents: MedicalDocument[];
}

/** The patient's explicit ticks and unticks; anything not in it follows the default. */
export type AttachChoice = ReadonlyMap<string, boolean>;

export function checklistRows(center: Center, documents: readonly MedicalDocument[]): ChecklistRow[] {
  return center.documents.map((requirement) => ({
    requirement,
    documents: documents.filter((document) => document.kind === requirement.kind),
  }));
}

/** Uploads of kinds the center does not list (e.g. "other"): offered, but not ticked by default. */
export function otherDocuments(center: Center, documents: readonly MedicalDocument[]): MedicalDocument[] {
  return documents.filter((document) => !center.documents.some((requirement) => requirement.kind === document.kind));
}

/** By default every upload of a kind the center asks for goes with the application. */
export function isAttached(choice: AttachChoice, center: Center, document: MedicalDocument): boolean {
  return choice.get(document.id) ?? center.documents.some((requirement) => requirement.kind === document.kind);
}

export function attachedIds(choice: AttachChoice, center: Center, documents: readonly MedicalDocument[]): string[] {
  return documents.filter((document) => isAttached(choice, center, document)).map((document) => document.id);
}

/** Required kinds with nothing attached: the same rule the API applies (422 documents_missing). */
export function missingKinds(center: Center, documents: readonly MedicalDocument[], attached: readonly string[]): DocumentKind[] {
  const kinds = new Set(documents.filter((document) => attached.includes(document.id)).map((document) => document.kind));
  return center.documents.filter((requirement) => requirement.required && !kinds.has(requirement.kind)).map((r) => r.kind);
}
