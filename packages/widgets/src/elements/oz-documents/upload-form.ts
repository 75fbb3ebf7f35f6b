import type { DocumentKind } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describedBy, fieldError, formAlert } from '../../internal/fields.ts';
import type { DocumentUpload } from './document-upload.ts';
import { formatFileSize } from './format.ts';
import { filePicker, uploadProgress } from './upload-parts.ts';

/**
 * The kinds a patient chooses from, in the order the centers' lists name them. "Заключение врача"
 * is left out: conclusions are written by the program's doctors, not uploaded.
 */
export const UPLOAD_KINDS: readonly DocumentKind[] = [
  'discharge_summary',
  'ecg',
  'echocg',
  'pelvic_ultrasound',
  'fetal_ultrasound',
  'pregnancy_card',
  'ct',
  'mri',
  'other',
];

export interface UploadFormView {
  t: Translation;
  lang: Lang;
  kind: string;
  file: File | null;
  kindError: string | undefined;
  fileError: string | undefined;
  /** A failed upload, in words. */
  formError: string | undefined;
  upload: DocumentUpload;
  onKind: (kind: string) => void;
  onPick: (file: File) => void;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
}

/** Kind, file (or a photo), then "Загрузить документ"; the progress bar replaces the button while sending. */
export function uploadForm(view: UploadFormView): TemplateResult {
  const { t, upload } = view;
  const d = t.documents;
  const fileDescribedBy = describedBy('file-status', view.fileError && 'file-error', 'file-hint');
  return html`
    <form part="form upload-form" class="form" novalidate aria-labelledby="upload-title" @submit=${view.onSubmit}>
      <h3 id="upload-title">${d.uploadTitle}</h3>
      <div class="field" part="field kind-field">
        <label for="kind-input" part="label">${d.kindLabel}</label>
        <select
          id="kind-input"
          name="kind"
          part="select"
          aria-required="true"
          aria-invalid=${view.kindError ? 'true' : 'false'}
          aria-describedby=${ifDefined(view.kindError ? 'kind-error' : undefined)}
          ?disabled=${upload.pending}
          @change=${(event: Event) => view.onKind((event.currentTarget as HTMLSelectElement).value)}
        >
          <option value="" .selected=${live(view.kind === '')}>${d.kindPlaceholder}</option>
          ${UPLOAD_KINDS.map(
            (kind) => html`<option value=${kind} .selected=${live(view.kind === kind)}>${t.domain.documentKinds[kind]}</option>`,
          )}
        </select>
        ${fieldError('kind-error', view.kindError)}
      </div>

      <div class="field" part="field file-field" role="group" aria-labelledby="file-label" data-invalid=${view.fileError ? 'true' : 'false'}>
        <span id="file-label" class="label" part="label">${d.fileLabel}</span>
        <span class="hint" part="hint" id="file-hint">${d.fileHint}</span>
        ${filePicker({
          chooseLabel: d.chooseFile,
          photoLabel: d.takePhoto,
          describedBy: fileDescribedBy,
          disabled: upload.pending,
          onPick: view.onPick,
        })}
        <span id="file-status" class="file-status" part="file-status">
          ${view.file ? d.chosenFile(view.file.name, formatFileSize(view.file.size, view.lang)) : d.noFile}
        </span>
        ${fieldError('file-error', view.fileError)}
      </div>

      ${formAlert(view.formError)}
      ${upload.pending
        ? uploadProgress(t, upload, view.onCancel)
        : html`<button type="submit" class="primary" part="button submit upload-button">${d.uploadSubmit}</button>`}
    </form>
  `;
}
