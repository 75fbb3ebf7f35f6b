import type { CredentialsResendResult, ReferralImportReport } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { NetworkError } from '../../api/errors.ts';
import { referralTemplateUrl } from '../../api/referrals.ts';
import { CentersController } from '../../controllers/centers-catalog.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { Translation } from '../../i18n/index.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { saveBlob } from '../oz-documents/save-blob.ts';
import { columnsHelp } from './columns-help.ts';
import { CREDENTIALS_PHONE_ID, credentialsForm } from './credentials-form.ts';
import { CredentialsResend } from './credentials-resend.ts';
import { baseName, errorReportCsv } from './error-report.ts';
import { fileChoice } from './file-choice.ts';
import { describeFileProblem } from './import-problem.ts';
import { styles } from './oz-referral-import.styles.ts';
import { previewView } from './preview-view.ts';
import { ReferralUpload } from './referral-upload.ts';
import { resultView } from './result-view.ts';
import { passwordSentText } from './sent-password.ts';
import { uploadProgress } from './upload-progress.ts';
import { strings } from './strings.ts';

/** Choose a table (and see its check), confirm the preview, read the result. */
type Step = 'choose' | 'preview' | 'done';

/** A message kept as a function of the strings, so it follows a change of language. */
type Words = (t: Translation) => string;

/** The key of the form's request among the per-phone states of its CredentialsResend. */
const FORM = 'form';

/**
 * @summary The program manager's import of referrals (path 3 of the program): a table of patients
 * referred by regional doctors (XLSX or CSV) is checked first — row errors by their row in the
 * file, and what each good row will do — and written only when the manager confirms; new patients
 * then get an SMS with a login and a one-time password. Ends with the result and an error report
 * to download. A patient whose SMS did not arrive or whose one-time password expired gets a new
 * one by SMS: from the result's list of failed SMS, or by phone in a small form under the columns
 * help. Everyone but the manager sees a short note instead.
 *
 * @event oz-referrals-imported - The manager confirmed and the API wrote the import. `detail: { report }`.
 * @event oz-credentials-sent - A patient was sent a new one-time password by SMS (the old one stopped
 *   working). `detail: { phone, expiresAt }`, the phone normalised (+7XXXXXXXXXX), `expiresAt` an ISO time.
 *
 * @csspart base - The wrapper of everything.
 * @csspart intro - What the tool does.
 * @csspart columns - The explanation of the table's columns; `column` each column, `template-link` the sample table.
 * @csspart column - Each column of the explanation.
 * @csspart template-link - The link to the sample table.
 * @csspart drop-zone - The frame around the file input that also takes a dragged file.
 * @csspart label - A label; `hint` the help under it.
 * @csspart hint - The help under a label.
 * @csspart file-input - The file input.
 * @csspart credentials - The section that sends a patient a new password by phone; `phone-input` its
 *   field, `credentials-sent` the confirmation with the patient's name and the password's last day.
 * @csspart phone-input - The patient's phone.
 * @csspart credentials-sent - The confirmation with the patient's name and the password's last day.
 * @csspart upload-progress - The progress block; `progress-bar` the `<progress>`, `progress-text` its percentage.
 * @csspart progress-bar - The `<progress>` element.
 * @csspart progress-text - The percentage beside it.
 * @csspart preview - The check's answer before anything is written; `file-summary` its first line.
 * @csspart file-summary - The first line of the check's answer.
 * @csspart summary - The counts; `summary-item` each (also `created`, `attached`, `known`, `errors`).
 * @csspart summary-item - Each count; also `created`, `attached`, `known`, `errors`.
 * @csspart created - The count of new patients (also `summary-item`).
 * @csspart attached - The count of rows attached to existing accounts (also `summary-item`).
 * @csspart known - The count of rows already imported (also `summary-item`; also a good row of that kind).
 * @csspart errors - The count of rows with problems (also `summary-item`).
 * @csspart table - Each table (also `errors-table`, `rows-table`, `sms-table`).
 * @csspart errors-table - The table of the row errors (also `table`).
 * @csspart rows-table - The table of the good rows (also `table`).
 * @csspart sms-table - The table of the SMS that did not go out (also `table`).
 * @csspart row-errors - The row errors section; `row-error` each row of its table, one per row of the
 *   file with problems (`data-row` its row, `data-code` its first problem's code — kept for one release,
 *   read the items' codes instead — and `data-problems` how many it has).
 * @csspart row-error - Each row of the file with problems (attributes `data-row`, `data-code`, `data-problems`).
 * @csspart row-problem - Each problem of an error row: its column and what to fix (`data-row`,
 *   `data-code` the API's code, `data-field` the field such as `birthDate`; none for a whole-row problem).
 * @csspart rows - The good rows section; `row` each row of its table (also `create`, `attach`, `known`).
 * @csspart row - Each good row; also `create`, `attach` or `known`.
 * @csspart create - A row that makes a new patient (also `row`).
 * @csspart attach - A row attached to an existing account (also `row`).
 * @csspart sms-failures - SMS that did not go out; `sms-failure` each, `resend-status` "Отправлено" in its
 *   row once a new SMS went out.
 * @csspart sms-failure - Each SMS that did not go out.
 * @csspart resend-status - "Отправлено" in its row once a new SMS went out.
 * @csspart confirm - The note and buttons under the preview.
 * @csspart result - What the import did.
 * @csspart button - Every button; also `stop-button`, `confirm-button`, `choose-another-button`,
 *   `download-report-button`, `import-another-button`, `resend-button` (a row's SMS again),
 *   `send-password-button` (the new password form).
 * @csspart choose-file-button - «Выбрать файл».
 * @csspart stop-button - Stops the check under way.
 * @csspart confirm-button - Confirms the import after the check.
 * @csspart choose-another-button - Another file instead of the checked one.
 * @csspart download-report-button - Saves the check's report.
 * @csspart import-another-button - Another import, after one was made.
 * @csspart resend-button - A row's SMS again.
 * @csspart send-password-button - Sends the new password (the new password form).
 * @csspart error - Any error text; `form-error` for a refused file, a failed import or a refused new
 *   password, `field-error` next to the phone field.
 * @csspart form-error - A refused file, a failed import or a refused new password.
 * @csspart field-error - The error next to the phone field.
 * @csspart status - Announcements such as "Импорт выполнен".
 * @csspart sign-in-prompt - The note for signed-out visitors; `managers-only` the note for other users.
 * @csspart managers-only - The note for signed-in users who are not managers.
 *
 * @cssproperty --oz-color-primary - Buttons, links, the drop frame and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - Table headers and the drop frame while a file is over it (default #f2f5f8).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzReferralImport extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  @state() private step: Step = 'choose';
  /** The table being checked or imported. */
  @state() private file: File | null = null;
  /** The check's report in the preview, then the import's in the result. */
  @state() private report: ReferralImportReport | undefined;
  @state() private problem: Words | undefined;
  @state() private status: Words | undefined;
  @state() private dragging = false;

  readonly #upload = new ReferralUpload(this, () => this.client);
  /** New passwords from the result's failed SMS, by row phone; forgotten with the report. */
  readonly #rowResend = new CredentialsResend(this, () => this.client);
  /** The new password form's request. */
  readonly #formResend = new CredentialsResend(this, () => this.client);

  readonly #gate = new SignInGate(this, {
    roles: ['manager'],
    words: (t) => ({ restoring: t.referralImport.restoring, signInPrompt: t.referralImport.signInPrompt, otherRole: t.referralImport.managersOnly }),
    otherRoleParts: 'managers-only',
  });

  /** Center names for the rows (ids shown until they come); only a manager's element asks. */
  readonly #centers = new CentersController(this, () => this.client, () => this.#gate.open);

  /** Bumped on every reset, so an answer to an abandoned upload is ignored. */
  #generation = 0;
  /** The status that repeats the form's confirmation, which the form already shows. */
  #formSentWords: Words | undefined;

  override render(): TemplateResult {
    const statusClass = this.#statusShownInForm() ? 'status visually-hidden' : 'status';
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${this.t.referralImport.title}</h2>
        ${this.#renderBody()}
        <div role="status" part="status" class=${statusClass}>${this.status?.(this.t) ?? nothing}</div>
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    const r = this.t.referralImport;
    const gate = this.#gate.render();
    if (gate) return gate;
    const file = this.file;
    const report = this.report;
    const context = { t: this.t, lang: this.locale, centers: this.#centers.value ?? [] };
    if (this.step === 'preview' && file && report) {
      return previewView({
        ...context,
        fileName: file.name,
        report,
        upload: this.#upload,
        problem: this.problem?.(this.t),
        onConfirm: this.#onConfirm,
        onChooseAnother: this.#onChooseAnother,
        onDownloadReport: this.#onDownloadReport,
      });
    }
    if (this.step === 'done' && file && report) {
      return resultView({
        ...context,
        fileName: file.name,
        report,
        onDownloadReport: this.#onDownloadReport,
        onImportAnother: this.#onChooseAnother,
        resend: { stateOf: (phone) => this.#rowResend.stateOf(phone), onResend: this.#onResendRow },
      });
    }
    return html`
      <p part="intro" class="intro">${r.intro}</p>
      ${fileChoice({
        t: this.t,
        disabled: this.#upload.pending,
        dragging: this.dragging,
        problem: this.problem?.(this.t),
        onPick: this.#onPick,
        onDragging: (dragging) => (this.dragging = dragging),
      })}
      ${this.#upload.pending && file ? uploadProgress(this.t, this.#upload, file.name, () => this.#upload.cancel()) : nothing}
      ${columnsHelp(this.t, referralTemplateUrl(this.client))}
      ${credentialsForm({ t: this.t, lang: this.locale, state: this.#formResend.stateOf(FORM), onSend: this.#onSendPassword })}
    `;
  }

  /** Screen readers still hear it from the status region, but on screen the form's own box says it. */
  #statusShownInForm(): boolean {
    return (
      this.step === 'choose' &&
      this.status !== undefined &&
      this.status === this.#formSentWords &&
      this.#formResend.stateOf(FORM)?.status === 'sent'
    );
  }

  /** A table was chosen or dropped: check it (nothing is written) and show what would happen. */
  #onPick = async (file: File): Promise<void> => {
    if (this.#upload.pending) return;
    const generation = this.#generation;
    this.file = file;
    this.problem = undefined;
    this.status = (t) => t.referralImport.checkingTitle(file.name);
    const running = this.#upload.run(file, 'check');
    // The input is disabled while the file goes out; the way to stop is the next thing to reach.
    await this.focusAfterUpdate('button[part~="stop-button"]');

    const { report, error, aborted } = await running;
    if (generation !== this.#generation) return;
    if (report) {
      this.report = report;
      this.step = 'preview';
      this.status = undefined;
      await this.#focusView();
      return;
    }
    this.file = null;
    this.status = aborted ? (t) => t.referralImport.checkStopped : undefined;
    this.problem = error === undefined ? undefined : (t) => describeFileProblem(t, file.name, error);
    await this.focusAfterUpdate('#file-input');
  };

  /** The manager confirmed the preview: import the same file for real (accounts, referrals, SMS). */
  #onConfirm = async (): Promise<void> => {
    const file = this.file;
    if (!file || this.#upload.pending) return;
    const generation = this.#generation;
    this.problem = undefined;
    this.status = (t) => t.referralImport.importingTitle(file.name);
    const { report, error } = await this.#upload.run(file, 'import');
    if (generation !== this.#generation) return;
    if (report) {
      this.report = report;
      this.step = 'done';
      this.status = (t) => t.referralImport.imported(report.created);
      this.emit('oz-referrals-imported', { report });
      await this.#focusView();
      return;
    }
    this.status = undefined;
    // The file went out and the answer was lost: the import may have been written; a new check tells.
    this.problem = (t) =>
      error instanceof NetworkError ? t.referralImport.importInterrupted : describeFileProblem(t, file.name, error);
    await this.focusAfterUpdate('button[part~="confirm-button"]', 'button[part~="choose-another-button"]');
  };

  /** A new password by phone from the form; the field is cleared for the next patient once it went out. */
  #onSendPassword = async (phone: string): Promise<void> => {
    if (this.status === this.#formSentWords) this.status = undefined;
    const state = await this.#formResend.send(phone, FORM);
    if (!state) return;
    if (state.status === 'sent') this.#passwordSent(state.result, true);
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${CREDENTIALS_PHONE_ID}`);
    if (!input) return;
    if (state.status === 'sent') input.value = '';
    // A wrong phone is fixed in the field; otherwise only when the disabled button dropped focus.
    const phoneProblem = state.status === 'failed' && state.phoneProblem;
    if (phoneProblem || !this.#hasFocus()) input.focus();
  };

  /** A row of the result's failed SMS: send that patient the SMS again (with a new password). */
  #onResendRow = async (phone: string): Promise<void> => {
    const state = await this.#rowResend.send(phone);
    if (!state) return;
    if (state.status === 'sent') this.#passwordSent(state.result, false);
    await this.updateComplete;
    // The button was disabled while pending, which drops focus: back to it, or to its row's "Отправлено".
    if (!this.#hasFocus()) this.focusFirst(`[data-resend="${CSS.escape(phone)}"]`);
  };

  #passwordSent(result: CredentialsResendResult, fromForm: boolean): void {
    const words: Words = (t) => passwordSentText(t, this.locale, result);
    this.status = words;
    this.#formSentWords = fromForm ? words : undefined;
    this.emit('oz-credentials-sent', { phone: result.phone, expiresAt: result.expiresAt });
  }

  #hasFocus(): boolean {
    return (this.renderRoot as ShadowRoot).activeElement !== null;
  }

  #onChooseAnother = async (): Promise<void> => {
    this.#reset();
    this.status = undefined;
    await this.focusAfterUpdate('#file-input');
  };

  /** The error report as a CSV file, made here from the report: nothing more to ask the API. */
  #onDownloadReport = (): void => {
    const report = this.report;
    if (!report || !this.file) return;
    const csv = errorReportCsv(this.t, report);
    const name = this.t.referralImport.reportFileName(baseName(this.file.name));
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name, this.renderRoot);
    this.status = (t) => t.referralImport.reportSaved;
  };

  protected override userChanged(): void {
    this.#reset();
    this.#formResend.reset();
    this.status = undefined;
  }

  #reset(): void {
    this.#generation += 1;
    this.#upload.cancel();
    this.#rowResend.reset();
    this.step = 'choose';
    this.file = null;
    this.report = undefined;
    this.problem = undefined;
    this.dragging = false;
  }

  /** After a step swaps, the focused control is gone: move focus to the new step's heading. */
  #focusView(): Promise<void> {
    return this.focusAfterUpdate('[data-focus-target]');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-referral-import': OzReferralImport;
  }
}
