import type { ReferralImportReport } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { hasProblems } from './error-report.ts';
import { errorsTable, reportCounts, rowsTable, smsFailuresTable, summaryList, type ReportContext } from './report-tables.ts';
import type { RowResend } from './resend-cell.ts';

export interface ResultView extends ReportContext {
  fileName: string;
  report: ReferralImportReport;
  onDownloadReport: () => void;
  onImportAnother: () => void;
  /** Sending a failed SMS again, row by row. */
  resend: RowResend;
}

/** What the import did: counts, SMS that did not go out, rows left out, and the error report. */
export function resultView(view: ResultView): TemplateResult {
  const r = view.t.referralImport;
  const counts = reportCounts(view.report);
  return html`
    <section part="result" class="result" aria-labelledby="result-title">
      <h3 id="result-title" tabindex="-1" data-focus-target>${r.resultTitle}</h3>
      <p part="file-summary">${r.fileSummary(view.fileName, view.report.total)}</p>
      ${summaryList(r.resultSummaryLabel, [
        [r.created, counts.created, 'created'],
        [r.attached, counts.attached, 'attached'],
        [r.known, counts.known, 'known'],
        [r.notImported, counts.errors, 'errors'],
      ])}
      ${smsFailuresTable(view, view.report, view.resend)} ${errorsTable(view, view.report, true)}
      ${hasProblems(view.report)
        ? html`<p><button type="button" part="button download-report-button" @click=${view.onDownloadReport}>${r.downloadReport}</button></p>`
        : nothing}
      ${rowsTable(view, view.report, true)}
      <div class="actions">
        <button type="button" class="primary" part="button import-another-button" @click=${view.onImportAnother}>${r.importAnother}</button>
      </div>
    </section>
  `;
}
