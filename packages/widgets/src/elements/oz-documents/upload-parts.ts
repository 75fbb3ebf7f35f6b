import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiError } from '../../api/errors.ts';
import { describeError } from '../../internal/describe-error.ts';
import type { Translation } from '../../i18n/index.ts';
import type { DocumentUpload } from './document-upload.ts';

/**
 * What the file picker offers. The server decides by content; this only spares a person from
 * sending a 10 MB spreadsheet over a slow line to be told no. Extensions as well as types,
 * because phones and Windows often know no type for .heic and .dcm.
 */
export const ACCEPTED_FILES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'application/dicom',
  'application/zip',
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.heic',
  '.heif',
  '.dcm',
  '.dicom',
  '.zip',
].join(',');

export interface FilePickerOptions {
  chooseLabel: string;
  photoLabel: string;
  /** Accessible names when the visible words need context (e.g. which document a row is for). */
  chooseAccessibleName?: string | undefined;
  photoAccessibleName?: string | undefined;
  describedBy?: string | undefined;
  disabled?: boolean;
  /** Marks the buttons, e.g. with the document kind of a checklist row. */
  key?: string | undefined;
  onPick: (file: File) => void;
}

/**
 * Two buttons over hidden file inputs: "choose a file" and, on phones, "take a photo" (the
 * `capture` input opens the camera straight away). Buttons, not the native input, because the
 * native one says "No file chosen" in the browser's language, not the page's.
 */
export function filePicker(options: FilePickerOptions): TemplateResult {
  const open = (picker: 'file' | 'camera') => (event: Event) => {
    const row = (event.currentTarget as HTMLElement).parentElement;
    row?.querySelector<HTMLInputElement>(`input[data-picker="${picker}"]`)?.click();
  };
  const picked = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after an error) fires change again.
    input.value = '';
    if (file) options.onPick(file);
  };
  return html`
    <div class="pickers" part="pickers">
      <button
        type="button"
        part="button choose-file-button"
        data-key=${ifDefined(options.key)}
        aria-label=${ifDefined(options.chooseAccessibleName)}
        aria-describedby=${ifDefined(options.describedBy)}
        ?disabled=${options.disabled}
        @click=${open('file')}
      >
        ${options.chooseLabel}
      </button>
      <button
        type="button"
        class="camera"
        part="button camera-button"
        data-key=${ifDefined(options.key)}
        aria-label=${ifDefined(options.photoAccessibleName)}
        aria-describedby=${ifDefined(options.describedBy)}
        ?disabled=${options.disabled}
        @click=${open('camera')}
      >
        ${options.photoLabel}
      </button>
      <input
        type="file"
        hidden
        tabindex="-1"
        data-picker="file"
        aria-label=${options.chooseAccessibleName ?? options.chooseLabel}
        accept=${ACCEPTED_FILES}
        @change=${picked}
      />
      <input
        type="file"
        hidden
        tabindex="-1"
        data-picker="camera"
        aria-label=${options.photoAccessibleName ?? options.photoLabel}
        accept="image/*"
        capture="environment"
        @change=${picked}
      />
    </div>
  `;
}

/** The progress bar of the upload going out, with a way to stop it. */
export function uploadProgress(t: Translation, upload: DocumentUpload, onCancel: () => void): TemplateResult | typeof nothing {
  if (!upload.file) return nothing;
  const percent = upload.percent;
  return html`
    <div class="upload-progress" part="upload-progress">
      <label for="upload-progress-bar" part="label">${t.documents.progressLabel(upload.file.name)}</label>
      <div class="progress-row">
        <progress id="upload-progress-bar" part="progress-bar" max="100" .value=${percent}></progress>
        <span class="progress-text" part="progress-text" aria-hidden="true">${t.documents.progressText(percent)}</span>
      </div>
      <button type="button" part="button cancel-upload-button" @click=${onCancel}>${t.documents.cancelUpload}</button>
    </div>
  `;
}

/** Words for a failed upload: the two refusals people meet most get their own advice. */
export function describeUploadError(t: Translation, error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(t, error);
  // A ZIP of DICOM images (a CT or MRI study) is refused for a reason the person can fix.
  const reason = error.details?.['reason'];
  const entry = error.details?.['entry'];
  if (reason === 'zip_not_dicom' && typeof entry === 'string') return t.documents.zipNotDicom(entry);
  if (reason === 'zip_encrypted') return t.documents.zipEncrypted;
  if (reason === 'zip_too_many_files' || reason === 'zip_too_large') return t.documents.zipTooBig;
  if (error.code === 'payload_too_large') return t.documents.tooLarge;
  if (error.code === 'unsupported_media_type') return t.documents.unsupportedType;
  return describeError(t, error);
}
