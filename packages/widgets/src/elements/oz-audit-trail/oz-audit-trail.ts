import type { AuditEntry, AuditList, AuditPatient } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/client.ts';
import { ApiError, isAbortError } from '../../api/errors.ts';
import { LoadController, loadError, loadingLine } from '../../controllers/load.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { fieldError, formAlert } from '../../internal/fields.ts';
import { phoneInput } from '../../internal/phone-input.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { saveBlob } from '../oz-documents/save-blob.ts';
import { phoneProblemOf } from '../oz-referral-import/resend-problem.ts';
import { auditTable } from './audit-table.ts';
import { styles } from './oz-audit-trail.styles.ts';
import { strings } from './strings.ts';

/** What the manager asked for: a phone as typed; `attempt` makes asking again for the same phone load again. */
interface Search {
  phone: string;
  attempt: number;
}

/** The first page of the trail, with whose it is and which search it answers. */
interface Found {
  search: Search;
  patient: AuditPatient;
  page: AuditList;
}

/** A message kept as a function of the strings, so it follows a change of language. */
type Words = (t: Translation) => string;

const PHONE_ID = 'audit-phone';

/**
 * @summary The program manager's journal of access to one patient's medical data (152-FZ,
 * 323-FZ): found by the patient's phone, it says whose trail it is (name, date of birth) and lists,
 * newest first, who opened the patient's documents, applications, conclusions and messages, and
 * who changed the status of their applications and consultations — when, their name and role,
 * what they did, and from which address. «Показать ещё» reads further; «Скачать CSV» saves the
 * whole trail for Excel. On a narrow screen the table becomes one card per entry. Everyone but the
 * manager sees a short note instead.
 *
 * The element fires no events of its own: it only reads.
 *
 * @csspart base - The wrapper of everything.
 * @csspart intro - What the journal shows.
 * @csspart form - The search by phone; `label` its label, `hint` the help under it, `phone-input` the field.
 * @csspart label - The phone field's label.
 * @csspart hint - The help under the label.
 * @csspart phone-input - The patient's phone.
 * @csspart button - Every button; also `show-button` (the search), `download-csv-button`, `load-more`
 *   (the next page) and `retry-button`.
 * @csspart retry-button - Tries a failed load again.
 * @csspart show-button - The search («Показать»).
 * @csspart download-csv-button - «Скачать CSV» of the trail.
 * @csspart trail - The found patient's trail; `patient` the line with their date of birth and phone.
 * @csspart patient - The found patient's line: date of birth and phone.
 * @csspart table - The table of entries (also `audit-table`); `entry` each row (a card on a narrow screen).
 * @csspart audit-table - The table of entries (also `table`).
 * @csspart entry - Each entry of the table (a card on a narrow screen).
 * @csspart empty - "Nobody but the patient has opened their data yet".
 * @csspart loading - "Загружаем журнал…" while the trail loads.
 * @csspart load-error - Why the trail could not be shown (its `error` text) and the `retry-button`.
 * @csspart load-more-area - The end of the table: `load-more`, and `load-more-error` when the next page failed.
 * @csspart load-more - «Показать ещё»: the next page of the list.
 * @csspart load-more-error - Why the next page did not come.
 * @csspart error - Any error text; `field-error` next to the phone, `form-error` for a failed download.
 * @csspart field-error - The error next to a field.
 * @csspart form-error - The error of a whole form or action.
 * @csspart status - Announcements such as "Файл журнала скачан".
 * @csspart sign-in-prompt - The note for signed-out visitors; `managers-only` the note for other users.
 * @csspart managers-only - The note for signed-in users who are not managers.
 *
 * @cssproperty --oz-color-primary - Buttons and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-text-muted - The hints and the column names in the cards (default #4a5563).
 * @cssproperty --oz-color-danger - Errors (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - The table's header (default #f2f5f8).
 * @cssproperty --oz-color-border - The table's and the cards' lines (default #6b7280).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzAuditTrail extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /** The search asked for; undefined before the first one. */
  @state() private search: Search | undefined;
  /** The phone field was left empty. */
  @state() private phoneMissing = false;
  @state() private downloading = false;
  @state() private downloadError: unknown = undefined;
  @state() private status: Words | undefined;

  readonly #gate = new SignInGate(this, {
    roles: ['manager'],
    words: (t) => ({ restoring: t.auditTrail.restoring, signInPrompt: t.auditTrail.signInPrompt, otherRole: t.auditTrail.managersOnly }),
    otherRoleParts: 'managers-only',
  });

  /** The entries loaded so far, newest first. */
  readonly #entries = new PagedList<AuditEntry>(this, {
    name: 'audit',
    keyOf: (entry) => entry.id,
    itemSelector: (entry) => `[data-entry-id="${entry.id}"] th`,
  });

  readonly #trail = new LoadController(this, {
    task: async ([managerId, search, client]: readonly [string | undefined, Search | undefined, ApiClient], { signal }): Promise<Found | undefined> => {
      if (!managerId || !search) return undefined;
      const page = await client.patientAudit({ phone: search.phone }, { signal });
      if (!page.patient) throw new Error('The API named no patient');
      return { search, patient: page.patient, page };
    },
    args: () => [this.#gate.open ? this.user?.id : undefined, this.search, this.client] as const,
    onComplete: (found) => {
      if (!found) return this.#entries.reset();
      const patientId = found.patient.id;
      this.#entries.reset(found.page, (cursor, signal) => this.client.patientAudit({ patientId }, { cursor, signal }));
    },
  });

  /** Aborts a CSV download still running when the element leaves the page or another person signs in. */
  #download: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#download?.abort();
  }

  protected override userChanged(): void {
    this.#download?.abort();
    this.search = undefined;
    this.phoneMissing = false;
    this.downloading = false;
    this.downloadError = undefined;
    this.status = undefined;
    this.#entries.reset();
  }

  override render(): TemplateResult {
    const a = this.t.auditTrail;
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${a.title}</h2>
        ${this.#gate.render() ?? this.#renderBody()}
        <div role="status" part="status" class="status">${this.status?.(this.t) ?? nothing}</div>
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    return html`
      <p part="intro" class="intro">${this.t.auditTrail.intro}</p>
      ${this.#renderForm()} ${this.#renderResult()}
    `;
  }

  #renderForm(): TemplateResult {
    const a = this.t.auditTrail;
    const searching = this.#trail.pending && this.search !== undefined;
    const phoneError = this.#phoneError();
    const ids = { hint: `${PHONE_ID}-hint`, error: `${PHONE_ID}-error` };
    return html`
      <form part="form" class="search" novalidate @submit=${this.#onSearch}>
        <div class="field">
          <label for=${PHONE_ID} part="label">${a.phoneLabel}</label>
          <span class="hint" part="hint" id=${ids.hint}>${this.t.fields.phoneHint}</span>
          <div class="search-row">
            ${phoneInput({ id: PHONE_ID, part: 'phone-input', hintId: ids.hint, errorId: ids.error, invalid: Boolean(phoneError) })}
            <button
              type="submit"
              class="primary"
              part="button show-button"
              aria-disabled=${searching ? 'true' : 'false'}
            >
              ${searching ? a.searching : a.show}
            </button>
          </div>
          ${fieldError(ids.error, phoneError)}
        </div>
      </form>
    `;
  }

  /** The phone's own problem: empty, not a phone, or nobody has it. Said next to the field. */
  #phoneError(): string | undefined {
    const t = this.t;
    if (this.phoneMissing) return t.auditTrail.phoneRequired;
    if (!this.#trail.failed || this.search === undefined) return undefined;
    const error = this.#trail.error;
    const fieldProblem = phoneProblemOf(error);
    if (fieldProblem) return describeFieldError(t, fieldProblem);
    if (error instanceof ApiError && error.code === 'not_found') return t.auditTrail.noSuchPatient;
    return undefined;
  }

  #renderResult(): unknown {
    const t = this.t;
    const a = t.auditTrail;
    if (this.search === undefined || this.phoneMissing) return nothing;
    if (this.#trail.pending) return loadingLine(a.loading);
    if (this.#trail.failed) {
      if (this.#phoneError() || isAbortError(this.#trail.error)) return nothing;
      const words = { loading: a.loading, retry: a.retry, failed: a.failed, describe: (error: unknown) => describeError(t, error) };
      return loadError(words, this.#trail.error, () => void this.#trail.run());
    }
    const found = this.#trail.value;
    if (!found || found.search !== this.search) return nothing;
    return this.#renderTrail(found.patient);
  }

  #renderTrail(patient: AuditPatient): TemplateResult {
    const t = this.t;
    const a = t.auditTrail;
    const entries = this.#entries.items;
    const birthDate = patient.birthDate ? a.birthDate(formatBirthDate(this.locale, patient.birthDate)) : undefined;
    return html`
      <section part="trail" class="trail" aria-labelledby="trail-title">
        <h3 id="trail-title" tabindex="-1">${a.trailOf(patient.fullName)}</h3>
        <p part="patient" class="patient">
          ${birthDate ? html`<span>${birthDate}</span>` : nothing} <span class="phone">${a.phone(patient.phone)}</span>
        </p>
        <div class="download">
          <button
            type="button"
            part="button download-csv-button"
            aria-disabled=${this.downloading ? 'true' : 'false'}
            aria-describedby="csv-hint"
            @click=${() => void this.#onDownload(patient)}
          >
            ${this.downloading ? a.downloadingCsv : a.downloadCsv}
          </button>
          <span class="hint" id="csv-hint">${a.downloadCsvHint}</span>
        </div>
        ${formAlert(this.downloadError === undefined ? undefined : `${a.csvFailed} ${describeError(t, this.downloadError)}`)}
        ${entries.length === 0 && !this.#entries.hasMore
          ? html`<p part="empty" class="empty">${a.empty}</p>`
          : html`${auditTable({ t, lang: this.locale, patientName: patient.fullName, entries })}
            ${this.#entries.renderMore({ t, listName: a.trailOf(patient.fullName) })}`}
      </section>
    `;
  }

  #onSearch = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#trail.pending && this.search !== undefined) return;
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('phone') as HTMLInputElement;
    const phone = input.value.trim();
    this.status = undefined;
    this.downloadError = undefined;
    this.phoneMissing = phone === '';
    if (this.phoneMissing) {
      await this.focusAfterUpdate(`#${PHONE_ID}`);
      return;
    }
    this.search = { phone, attempt: (this.search?.attempt ?? 0) + 1 };
    // The task starts with the update that carries the new search; then wait for its answer and its render.
    await this.updateComplete;
    await this.#trail.complete.catch(() => undefined);
    await this.updateComplete;
    // A wrong phone is fixed in the field; a trail is read from its heading.
    this.focusFirst(this.#phoneError() ? `#${PHONE_ID}` : '#trail-title', `#${PHONE_ID}`);
  };

  /** The whole trail as CSV: fetched with the token in a header and saved from a blob, never a link with the token. */
  async #onDownload(patient: AuditPatient): Promise<void> {
    if (this.downloading) return;
    this.#download = new AbortController();
    const signal = this.#download.signal;
    this.downloading = true;
    this.downloadError = undefined;
    this.status = undefined;
    try {
      const blob = await this.client.auditCsv({ patientId: patient.id }, signal);
      saveBlob(blob, this.t.auditTrail.csvFileName(patient.fullName || patient.phone), this.renderRoot);
      this.status = (t) => t.auditTrail.csvSaved;
    } catch (error) {
      if (!signal.aborted) this.downloadError = error;
    } finally {
      if (!signal.aborted) this.downloading = false;
    }
  }
}

/** «12 апреля 1956 г.»: a calendar date, the same wherever the reader is. */
function formatBirthDate(lang: string, date: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-audit-trail': OzAuditTrail;
  }
}
