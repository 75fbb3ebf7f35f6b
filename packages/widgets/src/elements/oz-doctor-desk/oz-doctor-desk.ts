import type { Consultation, User } from '@oz/contracts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OzElement } from '../../internal/oz-element.ts';
import { ApplicationsSection } from './applications-section.ts';
import { ConsultationsSection } from './consultations-section.ts';
import { DeskChecksController } from './desk-checks-controller.ts';
import type { DeskContext } from './desk-context.ts';
import { DeskData } from './desk-data.ts';
import { orderConsultations } from './desk-time.ts';
import { styles } from './oz-doctor-desk.styles.ts';

/** The two sections of the desk. */
export type DeskSection = 'applications' | 'consultations';

/**
 * @summary The doctor's workspace (рабочее место врача): the queue of applications to the
 * doctor's center with the patients' medical documents, scheduling an online consultation or
 * declining with a reason, the doctor's own consultations with cancelling and the doctor's
 * conclusion. Refreshes itself when `<oz-notifications>` reports news, and on «Обновить».
 *
 * @event oz-application-scheduled - A consultation was scheduled from an application. `detail: { application, consultation }`.
 * @event oz-application-declined - An application was declined. `detail: { application }`.
 * @event oz-consultation-cancelled - The doctor cancelled a consultation. `detail: { consultation }`.
 * @event oz-conclusion-written - The doctor wrote a conclusion. `detail: { conclusion }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and who is signed in; `doctor` is the doctor's line.
 * @csspart tabs - The «Заявки» / «Мои консультации» switch; `tab` is each of its buttons, `count` their numbers.
 * @csspart panel - The shown section.
 * @csspart status - Confirmations such as "Консультация назначена".
 * @csspart prompt - The note for signed-out visitors; `doctors-only` the note for patients and managers.
 * @csspart queue - The list of applications; `summary` the line above it; `application` each card (also `overdue`, `referral`).
 * @csspart waiting - "ждёт 2 дня"; `overdue-marker` past the 3-day target; `referral-marker` a referral.
 * @csspart application-details - One opened application; `facts` its data, `fact` each line
 *   (also `disease`, `diagnosis`, `complaints`, `referral`).
 * @csspart documents - The patient's documents; `document` each of them.
 * @csspart upcoming - The upcoming consultations; `past` the past, completed and cancelled ones.
 * @csspart consultation - Each consultation card (also `today`, `cancelled`); `when` its time,
 *   `today-marker` the word «Сегодня», `consultation-status` its status, `conclusion-mark` "Заключение написано".
 * @csspart consultation-details - One opened consultation; `conclusion` a written conclusion with
 *   `conclusion-text` and `conclusion-recommendations`.
 * @csspart loading - "Загружаем…"; `load-error` a failed load with its retry button.
 * @csspart dialog - The confirmation before cancelling (`cancel-dialog`).
 * @csspart form - Each form (also `schedule-form`, `decline-form`, `conclusion-form`, `cancel-form`).
 * @csspart field - Each field (also `<name>-field`, e.g. `startsAt-field`); `label`, `hint`, `input`,
 *   `textarea`, `select`, `radio` inside.
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for a whole form.
 * @csspart button - Every button; also `submit`, `refresh-button`, `back-button`, `retry-button`,
 *   `open-application-button`, `save-document-button`, `schedule-button`, `decline-button`,
 *   `write-conclusion-button`, `open-conclusion-button`, `cancel-consultation-button`,
 *   `confirm-cancel-button`, `keep-button`, `conclusion-button`.
 *
 * @cssproperty --oz-color-primary - Buttons, links and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors and the overdue marker (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - Cards (default #f2f5f8).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzDoctorDesk extends OzElement {
  static override styles = [OzElement.styles, styles];

  /** The section shown: `applications` (the queue, default) or `consultations` (the doctor's own). */
  @property({ reflect: true }) section: DeskSection = 'applications';

  @state() private announcement = '';
  @state() private refreshing = false;

  /** The doctor the shown data belongs to; another one (or nobody) resets the open views. */
  #shownDoctor: string | null = null;

  readonly #checks = new DeskChecksController(this);

  readonly #data: DeskData = new DeskData(this, {
    client: () => this.client,
    doctorKey: () => this.#doctorKey(),
    centerId: () => this.#doctor()?.centerId ?? null,
    openApplication: () => this.#applications.open,
    openConsultation: () => this.#consultations.open,
  });

  readonly #context: DeskContext = {
    host: this,
    t: () => this.t,
    locale: () => this.locale,
    client: () => this.client,
    data: this.#data,
    checks: this.#checks,
    emit: (name, detail) => this.emit(name, detail),
    announce: (message) => {
      this.announcement = message;
    },
    focus: (...selectors) => this.#focus(...selectors),
    videoAction: (consultation) => this.renderVideoAction(consultation),
  };

  readonly #applications = new ApplicationsSection(this.#context);
  readonly #consultations = new ConsultationsSection(this.#context);

  /**
   * The place for "join video" on a consultation card and on an opened consultation. Empty here;
   * the video room plugs in by overriding it (e.g. a button that opens `<oz-video-room>`).
   */
  protected renderVideoAction(_consultation: Consultation): unknown {
    return nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // <oz-notifications> announces news for this user: the queue or a consultation may have changed.
    document.addEventListener('oz-notification', this.#onNotification);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('oz-notification', this.#onNotification);
    this.#applications.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const doctor = this.#doctorKey();
    if (doctor !== this.#shownDoctor) {
      // Signed out or another doctor: nothing of the previous one may stay on screen.
      this.#shownDoctor = doctor;
      this.announcement = '';
      this.#applications.reset();
      this.#consultations.reset();
    }
  }

  override render(): TemplateResult {
    return html`<div part="base" class="oz-base desk" lang=${this.locale}>${this.#renderView()}</div>`;
  }

  #renderView(): TemplateResult {
    const desk = this.t.doctorDesk;
    const user = this.user;
    if (!user && this.session.status === 'restoring') return html`<p class="note">${desk.restoring}</p>`;
    if (!user) return html`<p part="prompt" class="prompt">${desk.signInPrompt}</p>`;
    if (user.role !== 'doctor') {
      return html`
        <section part="doctors-only" class="doctors-only" aria-labelledby="desk-title">
          <h2 id="desk-title">${desk.title}</h2>
          <p>${desk.doctorsOnly}</p>
          ${user.role === 'patient' ? html`<p>${desk.patientHint}</p>` : nothing}
        </section>
      `;
    }
    return this.#renderDesk(user);
  }

  #renderDesk(doctor: User): TemplateResult {
    const desk = this.t.doctorDesk;
    const center = this.#data.center.value;
    const centerName = center ? (this.locale === 'en' ? center.nameEn : center.shortName) : '';
    const now = Date.now();
    const consultations = this.#data.consultations.value;
    const upcomingCount = consultations && orderConsultations(consultations, now).upcoming.length;
    return html`
      <header part="header" class="header">
        <h2 id="desk-title">${desk.title}</h2>
        <p part="doctor" class="doctor">${desk.doctorLine(doctor.fullName, centerName)}</p>
      </header>
      <div class="toolbar">
        <div part="tabs" class="tabs" role="group" aria-label=${desk.sectionsLabel}>
          ${this.#tab('applications', desk.applicationsTab, this.#data.queue.value?.length)}
          ${this.#tab('consultations', desk.consultationsTab, upcomingCount)}
        </div>
        <button type="button" part="button refresh-button" class="refresh" @click=${this.#onRefresh}>
          <span aria-hidden="true">↻ </span>${this.refreshing ? desk.refreshing : desk.refresh}
        </button>
      </div>
      <div role="status" part="status" class="status">${this.announcement}</div>
      <div part="panel" class="panel">
        ${this.section === 'consultations' ? this.#consultations.render(now) : this.#applications.render(now)}
      </div>
    `;
  }

  #tab(section: DeskSection, label: string, count: number | undefined): TemplateResult {
    return html`
      <button
        type="button"
        part="button tab"
        class="tab"
        aria-pressed=${this.section === section ? 'true' : 'false'}
        @click=${() => this.#selectSection(section)}
      >
        ${label}${count === undefined ? nothing : html` <span part="count" class="count">${count}</span>`}
      </button>
    `;
  }

  #doctor(): User | null {
    const user = this.user;
    return user?.role === 'doctor' ? user : null;
  }

  #doctorKey(): string | null {
    const doctor = this.#doctor();
    return doctor ? `${this.apiOrigin} ${doctor.id}` : null;
  }

  #selectSection(section: DeskSection): void {
    this.section = section;
    this.announcement = '';
  }

  #onRefresh = async (): Promise<void> => {
    if (this.refreshing) return;
    this.refreshing = true;
    this.announcement = '';
    await this.#data.refresh();
    this.refreshing = false;
    this.announcement = this.t.doctorDesk.refreshed;
  };

  #onNotification = (): void => {
    if (this.#doctorKey()) void this.#data.refresh();
  };

  /** After a view swaps, the focused control is gone: focus the first match that exists. */
  async #focus(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-doctor-desk': OzDoctorDesk;
  }
}
