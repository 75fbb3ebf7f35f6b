import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';

/** XLSX and CSV by extension as well as type: Windows often knows no type for .csv. */
export const ACCEPTED_TABLES = [
  '.xlsx',
  '.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

export interface FileChoiceView {
  t: Translation;
  disabled: boolean;
  dragging: boolean;
  /** The refused table, in words. */
  problem: string | undefined;
  onPick: (file: File) => void;
  onDragging: (dragging: boolean) => void;
}

/**
 * A real, labelled file input (keyboards and screen readers know it) inside a frame that also
 * takes a file dragged from the desktop. The input itself is drawn as a second label in the page's
 * language: the native one says "Choose File / No file chosen" in the browser's, cut short on phones.
 */
export function fileChoice(view: FileChoiceView): TemplateResult {
  const r = view.t.referralImport;
  const describedBy = ['file-hint', view.problem ? 'file-problem' : ''].filter(Boolean).join(' ');
  const picked = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires change again.
    input.value = '';
    if (file) view.onPick(file);
  };
  const over = (event: DragEvent) => {
    if (view.disabled || !event.dataTransfer?.types.includes('Files')) return;
    // Without preventDefault the browser would open the dropped file instead of handing it over.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!view.dragging) view.onDragging(true);
  };
  const left = (event: DragEvent) => {
    const zone = event.currentTarget as HTMLElement;
    if (!zone.contains(event.relatedTarget as Node | null)) view.onDragging(false);
  };
  const dropped = (event: DragEvent) => {
    event.preventDefault();
    view.onDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && !view.disabled) view.onPick(file);
  };
  return html`
    <div
      class="drop-zone"
      part="drop-zone"
      data-dragging=${view.dragging ? 'true' : 'false'}
      @dragenter=${over}
      @dragover=${over}
      @dragleave=${left}
      @drop=${dropped}
    >
      <label for="file-input" part="label">${r.fileLabel}</label>
      <span class="hint" part="hint" id="file-hint">${view.dragging ? r.dropHere : r.fileHint}</span>
      <input
        id="file-input"
        class="file-input"
        name="file"
        type="file"
        part="file-input"
        accept=${ACCEPTED_TABLES}
        aria-describedby=${describedBy}
        aria-invalid=${view.problem ? 'true' : 'false'}
        ?disabled=${view.disabled}
        @change=${picked}
      />
      <label for="file-input" class="pick-button" part="button choose-file-button">${r.chooseFile}</label>
    </div>
    <div role="alert" part="error form-error" class="form-error" id="file-problem">${view.problem ?? nothing}</div>
  `;
}
