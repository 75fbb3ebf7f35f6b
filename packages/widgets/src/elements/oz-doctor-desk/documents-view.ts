import type { MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import type { LoadWords } from '../../controllers/load.ts';
import { viewableKind, type DocumentViewer } from '../../internal/document-viewer.ts';
import { formatDateTime } from './desk-time.ts';
import { describeDeskError } from './desk-problems.ts';
import { formAlert } from '../../internal/fields.ts';
import type { Loaded } from './desk-parts.ts';
import { formatSize } from './save-document.ts';

export interface DocumentsViewProps {
  t: Translation;
  locale: string;
  /** The documents' load (its `loading`, `load-error` and `retry-button` parts). */
  load: Loaded<MedicalDocument[]>;
  words: LoadWords;
  referral: boolean;
  /** The document being saved now, if any. */
  savingId: string | null;
  /** Why the last save failed, in words. */
  saveProblem: string | undefined;
  /** The PDF or picture read in the page, shown above the list. */
  viewer: DocumentViewer;
  onSave: (document: MedicalDocument) => void;
  onView: (document: MedicalDocument) => void;
}

/**
 * The patient's medical documents: PDFs and pictures read in the page, every file saved to the
 * device on request; a CT or MRI study (DICOM, or a ZIP of them) says it needs a viewing program.
 */
export function renderDocuments(props: DocumentsViewProps): TemplateResult {
  const { t } = props;
  const desk = t.doctorDesk;
  return html`
    <section class="documents" part="documents" aria-labelledby="documents-title">
      <h4 id="documents-title">${desk.documentsTitle}</h4>
      ${props.referral ? html`<p class="note">${desk.referralDocumentsNote}</p>` : nothing}
      ${props.viewer.render({
        title: (document) => `${t.domain.documentKinds[document.kind]}: ${document.fileName}`,
        label: (document) => desk.viewerLabel(document.fileName),
        download: desk.saveDocument,
        close: desk.closeDocument,
        opening: desk.documentOpening,
        failed: (error) => desk.documentOpenFailed(describeDeskError(t, error)),
        pdfFallback: desk.pdfFallback,
      })}
      ${props.load.render(props.words, (documents) => renderList(props, documents))}
      ${formAlert(props.saveProblem)}
    </section>
  `;
}

function renderList(props: DocumentsViewProps, documents: readonly MedicalDocument[]): TemplateResult {
  const { t, locale } = props;
  const desk = t.doctorDesk;
  if (documents.length === 0) return html`<p class="note">${desk.documentsNone}</p>`;
  const studies = documents.some((document) => document.mediaType === 'application/dicom' || document.mediaType === 'application/zip');
  return html`
    <ul class="document-list" aria-labelledby="documents-title">
      ${documents.map((document) => {
        const saving = props.savingId === document.id;
        const viewable = viewableKind(document.mediaType) !== null;
        const shown = props.viewer.shown?.id === document.id;
        return html`
          <li class="document ${shown ? 'shown' : ''}" part="document" data-document-id=${document.id} data-media-type=${document.mediaType}>
            <span class="document-kind">${t.domain.documentKinds[document.kind]}</span>
            <span class="document-name">${document.fileName}</span>
            <span class="document-details" part="document-details">
              ${desk.documentDetails(formatDateTime(document.uploadedAt, locale), formatSize(document.sizeBytes, locale, desk))}
            </span>
            <span class="actions">
              ${viewable
                ? html`<button
                    type="button"
                    part="button view-document-button"
                    aria-pressed=${shown ? 'true' : 'false'}
                    aria-label=${`${desk.viewDocument}: ${document.fileName}`}
                    @click=${() => props.onView(document)}
                  >
                    ${desk.viewDocument}
                  </button>`
                : nothing}
              <button
                type="button"
                part="button save-document-button"
                aria-disabled=${saving ? 'true' : 'false'}
                aria-label=${`${saving ? desk.saving : desk.saveDocument}: ${document.fileName}`}
                @click=${() => props.onSave(document)}
              >
                ${saving ? desk.saving : desk.saveDocument}
              </button>
            </span>
          </li>
        `;
      })}
    </ul>
    ${studies ? html`<p class="note">${desk.dicomNote}</p>` : nothing}
  `;
}
