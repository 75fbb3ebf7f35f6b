import type { MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import type { LoadWords } from '../../controllers/load.ts';
import { formatDateTime } from './desk-time.ts';
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
  onSave: (document: MedicalDocument) => void;
}

/** The patient's medical documents of one application, each saved to the device on request. */
export function renderDocuments(props: DocumentsViewProps): TemplateResult {
  const desk = props.t.doctorDesk;
  return html`
    <section class="documents" part="documents" aria-labelledby="documents-title">
      <h4 id="documents-title">${desk.documentsTitle}</h4>
      ${props.referral ? html`<p class="note">${desk.referralDocumentsNote}</p>` : nothing}
      ${props.load.render(props.words, (documents) => renderList(props, documents))}
      ${formAlert(props.saveProblem)}
    </section>
  `;
}

function renderList(props: DocumentsViewProps, documents: readonly MedicalDocument[]): TemplateResult {
  const { t, locale } = props;
  const desk = t.doctorDesk;
  if (documents.length === 0) return html`<p class="note">${desk.documentsNone}</p>`;
  return html`
    <ul class="document-list" aria-labelledby="documents-title">
      ${documents.map((document) => {
        const saving = props.savingId === document.id;
        return html`
          <li class="document" part="document">
            <span class="document-kind">${t.domain.documentKinds[document.kind]}</span>
            <span class="document-name">${document.fileName}</span>
            <span class="document-details">
              ${desk.documentDetails(formatDateTime(document.uploadedAt, locale), formatSize(document.sizeBytes, locale, desk))}
            </span>
            <button
              type="button"
              part="button save-document-button"
              aria-disabled=${saving ? 'true' : 'false'}
              @click=${() => props.onSave(document)}
            >
              ${saving ? desk.saving : desk.saveDocument}<span class="visually-hidden">: ${document.fileName}</span>
            </button>
          </li>
        `;
      })}
    </ul>
  `;
}
