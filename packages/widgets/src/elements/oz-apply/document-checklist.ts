import type { Center, DocumentKind, MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import type { DocumentUpload } from '../oz-documents/document-upload.ts';
import { formatDateTime } from '../oz-documents/format.ts';
import { filePicker, uploadProgress } from '../oz-documents/upload-parts.ts';
import { checklistRows, isAttached, otherDocuments, type AttachChoice, type ChecklistRow } from './checklist.ts';

export interface ChecklistView {
  t: Translation;
  lang: Lang;
  center: Center;
  /** The patient's uploads; undefined while they load or when loading failed. */
  documents: readonly MedicalDocument[] | undefined;
  /** The rows once the uploads are here; till then the `loading` line, or the `load-error` with its retry. */
  renderDocuments: (rows: (documents: readonly MedicalDocument[]) => TemplateResult) => unknown;
  choice: AttachChoice;
  upload: DocumentUpload;
  /** Required kinds still missing, marked once the person tried to send without them. */
  missing: readonly DocumentKind[];
  /** The documents' problem in words (what is missing), shown under the heading. */
  error: string | undefined;
  /** A failed upload in words, and the line it was for. */
  uploadError: string | undefined;
  uploadErrorKind: DocumentKind | undefined;
  onToggle: (documentId: string, attached: boolean) => void;
  onPick: (kind: DocumentKind, file: File) => void;
  onCancelUpload: () => void;
}

/**
 * The center's checklist (required / if available), each line with the patient's uploads of that
 * kind to tick and a way to upload one right here, so nobody has to leave the form for a missing scan.
 */
export function documentChecklist(view: ChecklistView): TemplateResult {
  const { t, center } = view;
  const a = t.apply;
  const documents = view.documents ?? [];
  const others = otherDocuments(center, documents);
  return html`
    <fieldset class="checklist" part="checklist" aria-describedby="documents-intro">
      <legend><h3 class="legend-heading">${a.documentsTitle}</h3></legend>
      <p class="hint" id="documents-intro">${a.documentsIntro}</p>
      ${view.error
        ? html`<p class="field-error documents-error" part="error field-error" id="documentIds-error" tabindex="-1">${view.error}</p>`
        : nothing}
      ${view.renderDocuments(
        (loaded) => html`
          <ul class="kind-rows">
            ${checklistRows(center, loaded).map((row) => kindRow(view, row))}
          </ul>
        `,
      )}
      ${others.length > 0
        ? html`
            <div class="kind-row others" role="group" aria-labelledby="other-documents-title" part="checklist-item">
              <p class="kind-title" id="other-documents-title">${a.otherDocuments}</p>
              ${others.map((document) => attachBox(view, document))}
            </div>
          `
        : nothing}
    </fieldset>
  `;
}

function kindRow(view: ChecklistView, row: ChecklistRow): TemplateResult {
  const { t, upload } = view;
  const a = t.apply;
  const { kind, required } = row.requirement;
  const kindName = t.domain.documentKinds[kind];
  const missing = view.missing.includes(kind);
  const titleId = `kind-${kind}-title`;
  return html`
    <li class="kind-row ${missing ? 'missing' : ''}" part="checklist-item" data-kind=${kind}>
      <div role="group" aria-labelledby=${titleId}>
        <p class="kind-title" id=${titleId}>
          ${kindName} <span class="requirement ${required ? 'required' : ''}">(${required ? a.required : a.ifAvailable})</span>
        </p>
        ${row.documents.length === 0
          ? html`<p class="not-uploaded" part="not-uploaded">${a.notUploaded}</p>`
          : row.documents.map((document) => attachBox(view, document))}
        ${upload.kind === kind
          ? uploadProgress(t, upload, view.onCancelUpload)
          : filePicker({
              key: kind,
              chooseLabel: row.documents.length === 0 ? a.uploadFile : a.uploadMore,
              chooseAccessibleName: row.documents.length === 0 ? a.uploadFor(kindName) : a.uploadMoreFor(kindName),
              photoLabel: t.documents.takePhoto,
              photoAccessibleName: a.photoFor(kindName),
              disabled: upload.pending,
              onPick: (file) => view.onPick(kind, file),
            })}
        <div role="alert" part="error upload-error" class="form-error">${view.uploadErrorKind === kind ? view.uploadError : nothing}</div>
      </div>
    </li>
  `;
}

function attachBox(view: ChecklistView, document: MedicalDocument): TemplateResult {
  const id = `attach-${document.id}`;
  return html`
    <div class="attach-row">
      <input
        type="checkbox"
        part="checkbox"
        id=${id}
        name="documentIds"
        value=${document.id}
        .checked=${live(isAttached(view.choice, view.center, document))}
        @change=${(event: Event) => view.onToggle(document.id, (event.currentTarget as HTMLInputElement).checked)}
      />
      <label for=${id}>${view.t.apply.attachFile(document.fileName, formatDateTime(document.uploadedAt, view.lang))}</label>
    </div>
  `;
}
