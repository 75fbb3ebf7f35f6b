import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import type { ReferralUpload } from './referral-upload.ts';

/**
 * How far the table has gone: a progress bar while the file goes out, then a moving bar while
 * the server reads (or writes) the rows, which for thousands of rows takes a while too.
 */
export function uploadProgress(t: Translation, upload: ReferralUpload, fileName: string, onStop: () => void): TemplateResult {
  const r = t.referralImport;
  const checking = upload.mode === 'check';
  const percent = upload.percent;
  return html`
    <div class="upload-progress" part="upload-progress">
      <p class="progress-title">${checking ? r.checkingTitle(fileName) : r.importingTitle(fileName)}</p>
      ${upload.sent
        ? html`
            <label for="progress-bar" part="label">${checking ? r.checkingRows : r.importingRows}</label>
            <div class="progress-row"><progress id="progress-bar" part="progress-bar"></progress></div>
          `
        : html`
            <label for="progress-bar" part="label">${r.progressLabel(fileName)}</label>
            <div class="progress-row">
              <progress id="progress-bar" part="progress-bar" max="100" .value=${percent}></progress>
              <span class="progress-text" part="progress-text" aria-hidden="true">${r.progressText(percent)}</span>
            </div>
          `}
      <p class="hint">${r.keepPageOpen}</p>
      ${checking
        ? html`<button type="button" part="button stop-button" @click=${onStop}>${r.stopChecking}</button>`
        : nothing}
    </div>
  `;
}
