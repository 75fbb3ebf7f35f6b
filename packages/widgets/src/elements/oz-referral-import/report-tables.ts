import type { Center, ReferralImportReport, ReferralPreviewRow, ReferralRowError, ReferralRowOutcome } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { SHOWN_ROWS } from './limits.ts';
import { resendCell, type RowResend } from './resend-cell.ts';

/** What the tables of a report need besides the report. */
export interface ReportContext {
  t: Translation;
  lang: Lang;
  centers: readonly Center[];
}

/** The counts of a report, as the manager reads them: rows, not the API's field names. */
export function reportCounts(report: ReferralImportReport) {
  return {
    created: report.created,
    attached: report.attached,
    known: report.skipped - report.attached,
    errors: errorsByRow(report).length,
  };
}

/** The problems of the report grouped by their row in the file, rows in order, problems in column order. */
export function errorsByRow(report: ReferralImportReport): { row: number; errors: ReferralRowError[] }[] {
  const rows = new Map<number, ReferralRowError[]>();
  for (const error of report.errors) {
    const problems = rows.get(error.row);
    if (problems) problems.push(error);
    else rows.set(error.row, [error]);
  }
  return [...rows].sort(([a], [b]) => a - b).map(([row, errors]) => ({ row, errors }));
}

/** One line per count; a zero stays, so the four lines always read the same way. */
export function summaryList(label: string, items: readonly (readonly [string, number, string])[]): TemplateResult {
  return html`
    <ul part="summary" class="summary" aria-label=${label}>
      ${items.map(
        ([text, count, key]) => html`
          <li part="summary-item ${key}" class=${count === 0 ? 'zero' : ''}>
            <span class="summary-text">${text}</span> <strong class="summary-count">${count}</strong>
          </li>
        `,
      )}
    </ul>
  `;
}

/**
 * A table that turns into one card per row on a narrow screen (see the styles). The roles are
 * spelled out because browsers drop a table's semantics once its parts are no longer display: table;
 * `data-label` names each cell in the card layout, where the header row is hidden.
 */
function table(part: string, headers: readonly string[], rows: readonly TemplateResult[]): TemplateResult {
  return html`
    <table part="table ${part}" role="table">
      <thead role="rowgroup">
        <tr role="row">
          ${headers.map((header, index) => html`<th scope="col" role="columnheader" class=${index === 0 ? 'row-number' : ''}>${header}</th>`)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${rows}
      </tbody>
    </table>
  `;
}

function rowNumber(label: string, row: number): TemplateResult {
  return html`<th scope="row" role="rowheader" class="row-number" data-label=${label}>${row}</th>`;
}

function cell(label: string, content: unknown, options: { lang?: string; className?: string } = {}): TemplateResult {
  return html`<td role="cell" data-label=${label} lang=${ifDefined(options.lang)} class=${ifDefined(options.className)}>${content}</td>`;
}

/**
 * Row errors by their row in the file (the header is row 1): one table row per file row, with
 * every problem of that row — its column (as the file names it) and what to fix — so the manager
 * fixes the row in one go; `done` once the other rows were imported.
 */
export function errorsTable({ t }: ReportContext, report: ReferralImportReport, done: boolean): TemplateResult | typeof nothing {
  const r = t.referralImport;
  const rows = errorsByRow(report);
  if (rows.length === 0) return nothing;
  const shown = rows.slice(0, SHOWN_ROWS);
  const columnOf = (error: ReferralRowError) => error.column ?? r.wholeRow;
  const problemOf = (error: ReferralRowError) => r.rowErrors[error.code] ?? error.message;
  // No white space around the items: a cell's text is exactly its problems (scripts read it).
  const problemItem = (row: number, error: ReferralRowError, several: boolean) =>
    html`<li part="row-problem" data-row=${row} data-code=${error.code} data-field=${ifDefined(error.field ?? undefined)}>${several
      ? html`<span class="problem-column" lang=${ifDefined(error.column ? 'ru' : undefined)}>${columnOf(error)}</span>${r.columnSeparator}`
      : nothing}${problemOf(error)}</li>`;
  const problemList = (row: number, errors: readonly ReferralRowError[]) =>
    html`<ul class=${errors.length > 1 ? 'problems several' : 'problems'} aria-label=${r.rowProblemsLabel(row, errors.length)}>${errors.map((error) =>
      problemItem(row, error, errors.length > 1),
    )}</ul>`;
  return html`
    <section part="row-errors" class="block" aria-labelledby="errors-title">
      <h4 id="errors-title">${r.errorsTitle} (${rows.length})</h4>
      <p class="hint">${done ? r.errorsIntroDone : r.errorsIntro}</p>
      ${table(
        'errors-table',
        [r.rowColumn, r.columnColumn, r.problemColumn],
        shown.map(({ row, errors }) => {
          const several = errors.length > 1;
          // One problem reads as before: its column, then what to fix. Several: the columns, then a
          // list whose every item names its column again, so a narrow card still pairs them.
          return html`
            <tr role="row" part="row-error" data-row=${row} data-code=${errors[0]!.code} data-problems=${errors.length}>
              ${rowNumber(r.rowColumn, row)}
              ${cell(
                r.columnColumn,
                several
                  ? html`<ul class="problem-columns">${errors.map((error) => html`<li lang=${ifDefined(error.column ? 'ru' : undefined)}>${columnOf(error)}</li>`)}</ul>`
                  : columnOf(errors[0]!),
                { lang: !several && errors[0]!.column ? 'ru' : undefined },
              )}
              ${cell(r.problemColumn, problemList(row, errors))}
            </tr>
          `;
        }),
      )}
      ${shown.length < rows.length ? html`<p class="hint">${r.shownFirst(shown.length, rows.length)}</p>` : nothing}
    </section>
  `;
}

/** The good rows and what each will do (`done` false) or did (`done` true). */
export function rowsTable(context: ReportContext, report: ReferralImportReport, done: boolean): TemplateResult | typeof nothing {
  const r = context.t.referralImport;
  const rows = report.rows.filter((row) => row.outcome !== 'error');
  if (rows.length === 0) return nothing;
  const shown = rows.slice(0, SHOWN_ROWS);
  const words: Record<ReferralRowOutcome, string> = done ? r.done : r.willDo;
  const outcomeLabel = done ? r.resultColumn : r.outcomeColumn;
  const smsFailed = new Set(report.smsFailures.map((failure) => failure.row));
  const outcomeText = (row: ReferralPreviewRow) => (done && row.outcome === 'create' && smsFailed.has(row.row) ? r.createdSmsFailed : words[row.outcome]);
  return html`
    <section part="rows" class="block" aria-labelledby="rows-title">
      <h4 id="rows-title">${done ? r.rowsDoneTitle : r.rowsTitle} (${rows.length})</h4>
      ${table(
        'rows-table',
        [r.rowColumn, r.patientColumn, outcomeLabel],
        shown.map(
          (row) => html`
            <tr role="row" part="row ${row.outcome}" data-row=${row.row} data-outcome=${row.outcome}>
              ${rowNumber(r.rowColumn, row.row)} ${cell(r.patientColumn, patientCell(context, row))}
              ${cell(outcomeLabel, outcomeText(row), { className: 'outcome' })}
            </tr>
          `,
        ),
      )}
      ${shown.length < rows.length ? html`<p class="hint">${r.shownFirstRows(shown.length, rows.length)}</p>` : nothing}
    </section>
  `;
}

/**
 * Rows whose new patient's SMS did not go out: their accounts exist, and each row has a button
 * that sends the SMS again (with a new password).
 */
export function smsFailuresTable(
  { t, lang }: ReportContext,
  report: ReferralImportReport,
  resend: RowResend,
): TemplateResult | typeof nothing {
  const r = t.referralImport;
  if (report.smsFailures.length === 0) return nothing;
  return html`
    <section part="sms-failures" class="block warning" aria-labelledby="sms-title">
      <h4 id="sms-title">${r.smsFailuresTitle} (${report.smsFailures.length})</h4>
      <p>${r.smsFailuresIntro}</p>
      ${table(
        'sms-table',
        [r.rowColumn, r.phoneColumn, r.smsColumn],
        report.smsFailures.map(
          (failure) => html`
            <tr role="row" part="sms-failure" data-row=${failure.row}>
              ${rowNumber(r.rowColumn, failure.row)} ${cell(r.phoneColumn, failure.phone, { className: 'phone' })}
              ${cell(r.smsColumn, resendCell(t, lang, failure.row, failure.phone, resend), { className: 'resend' })}
            </tr>
          `,
        ),
      )}
    </section>
  `;
}

function patientCell({ centers, lang }: ReportContext, row: ReferralPreviewRow): TemplateResult {
  const center = row.centerId ? centerName(centers, row.centerId, lang) : '';
  return html`
    <span class="patient-name">${row.fullName}</span>
    <span class="patient-meta"><span class="phone">${row.phone}</span>${center ? html`, ${center}` : nothing}</span>
  `;
}

function centerName(centers: readonly Center[], id: string, lang: Lang): string {
  const center = centers.find((candidate) => candidate.id === id);
  if (!center) return id;
  return lang === 'en' ? center.nameEn : center.shortName;
}
