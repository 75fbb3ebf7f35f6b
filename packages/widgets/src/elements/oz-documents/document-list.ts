import type { MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { formatDateTime, formatFileSize } from './format.ts';

export interface DocumentListView {
  t: Translation;
  lang: Lang;
  items: readonly MedicalDocument[];
  /** Ids of documents being fetched for saving; their buttons stay focusable but do nothing. */
  downloading: ReadonlySet<string>;
  onDownload: (document: MedicalDocument) => void;
  /** `event` is the click: its button gets focus back when the dialog closes. */
  onDelete: (document: MedicalDocument, event: Event) => void;
}

/**
 * The patient's documents as cards, not a table: four columns do not fit a 360px phone.
 * A document attached to an open application says so instead of offering a delete that would fail.
 */
export function documentList(view: DocumentListView): TemplateResult {
  const { t } = view;
  if (view.items.length === 0) return html`<p class="empty" part="empty">${t.documents.empty}</p>`;
  return html`
    <ul class="documents" part="list">
      ${repeat(
        view.items,
        (document) => document.id,
        (document) => documentCard(view, document),
      )}
    </ul>
  `;
}

function documentCard(view: DocumentListView, document: MedicalDocument): TemplateResult {
  const { t, lang } = view;
  const d = t.documents;
  const downloading = view.downloading.has(document.id);
  return html`
    <li class="document" part="document" data-id=${document.id}>
      <h4 class="document-kind" part="document-kind">${t.domain.documentKinds[document.kind]}</h4>
      <p class="file-name" part="file-name">${document.fileName}</p>
      <p class="meta" part="meta">
        ${d.uploadedOn(formatDateTime(document.uploadedAt, lang))}, ${d.fileSize(formatFileSize(document.sizeBytes, lang))}
      </p>
      ${document.inUse ? html`<p class="in-use" part="in-use">${d.inUse}</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          part="button download-button"
          aria-label=${downloading ? d.downloading : d.downloadFile(document.fileName)}
          aria-disabled=${downloading ? 'true' : 'false'}
          @click=${() => !downloading && view.onDownload(document)}
        >
          ${downloading ? d.downloading : d.download}
        </button>
        ${document.inUse
          ? nothing
          : html`<button
              type="button"
              class="danger"
              part="button delete-button"
              aria-label=${d.deleteFile(document.fileName)}
              @click=${(event: Event) => view.onDelete(document, event)}
            >
              ${d.delete}
            </button>`}
      </div>
    </li>
  `;
}
