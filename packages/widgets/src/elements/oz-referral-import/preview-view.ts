import type { ReferralImportReport } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { formAlert } from '../../internal/fields.ts';
import { hasProblems } from './error-report.ts';
import { errorsTable, reportCounts, rowsTable, summaryList, type ReportContext } from './report-tables.ts';
import type { ReferralUpload } from './referral-upload.ts';
import { uploadProgress } from './upload-progress.ts';

export interface PreviewView extends ReportContext {
  fileName: string;
  report: ReferralImportReport;
  upload: ReferralUpload;
  /** Why the import failed, in words. */
  problem: string | undefined;
  onConfirm: () => void;
  onChooseAnother: () => void;
  onDownloadReport: () => void;
}

/**
 * The check's answer before anything is written: counts, row errors, what each good row will do,
 * and the confirmation (which the API turns into accounts and SMS).
 */
export function previewView(view: PreviewView): TemplateResult {
  const r = view.t.referralImport;
  const counts = reportCounts(view.report);
  const writes = counts.created + counts.attached > 0;
  const importing = view.upload.mode === 'import';
  return html`
    <section part="preview" class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title" tabindex="-1" data-focus-target>${r.previewTitle}</h3>
      <p part="file-summary">${r.fileSummary(view.fileName, view.report.total)} ${r.nothingWrittenYet}</p>
      ${summaryList(r.summaryLabel, [
        [r.willCreate, counts.created, 'created'],
        [r.willAttach, counts.attached, 'attached'],
        [r.alreadyKnown, counts.known, 'known'],
        [r.withErrors, counts.errors, 'errors'],
      ])}
      ${errorsTable(view, view.report, false)}
      ${hasProblems(view.report)
        ? html`<p><button type="button" part="button download-report-button" @click=${view.onDownloadReport}>${r.downloadReport}</button></p>`
        : nothing}
      ${rowsTable(view, view.report, false)}
      ${formAlert(view.problem)}
      ${importing
        ? uploadProgress(view.t, view.upload, view.fileName, () => undefined)
        : html`
            <div part="confirm" class="confirm">
              <p class=${writes ? 'confirm-note' : 'notice'}>
                ${writes ? (counts.created > 0 ? r.confirmNoteSms(counts.created) : r.confirmNote) : r.nothingToImport}
              </p>
              <div class="actions">
                ${writes
                  ? html`<button type="button" class="primary" part="button confirm-button" @click=${view.onConfirm}>${r.confirm}</button>`
                  : nothing}
                <button type="button" part="button choose-another-button" @click=${view.onChooseAnother}>${r.chooseAnother}</button>
              </div>
            </div>
          `}
    </section>
  `;
}
