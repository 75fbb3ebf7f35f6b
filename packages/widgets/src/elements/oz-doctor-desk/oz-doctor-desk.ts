import type { ChatMessage, Consultation, Notification, User } from '@oz/contracts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { Translation } from '../../i18n/index.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { prefetchChat } from '../oz-chat/chat-loader.ts';
import { ApplicationsSection } from './applications-section.ts';
import { ConsultationsSection } from './consultations-section.ts';
import { renderCardCall } from './desk-call.ts';
import { DeskData } from './desk-data.ts';
import { DeskStatus } from './desk-status.ts';
import { orderConsultations } from './desk-time.ts';
import { DutySection } from './duty-section.ts';
import { styles } from './oz-doctor-desk.styles.ts';
import { strings } from './strings.ts';

/** How many notification ids the desk remembers to refresh once per notification. */
const HANDLED_NOTIFICATIONS = 50;

/** The sections of the desk; `duty` only for duty doctors. */
export type DeskSection = 'applications' | 'consultations' | 'duty';

/**
 * @summary The doctor's workspace (рабочее место врача): the queue of applications to the
 * doctor's center with the patients' medical documents (PDFs and pictures read in the page),
 * scheduling an online consultation or declining with a reason, the doctor's own consultations
 * with cancelling. One consultation is one screen: the video call (started only when the doctor
 * presses «Начать видеосвязь»), the application and the documents, the correspondence with the
 * patient (`<oz-chat>`; a card counts unread messages) and the conclusion — side by side on a
 * wide desk, in tabs on a narrow one (the desk's own width decides). A duty doctor (`isDutyDoctor`) also has «Дежурства»: opening time for
 * patients to book, the own schedule by day with free and booked time, removing free time.
 * Refreshes itself when `<oz-notifications>` reports news, and on «Обновить».
 *
 * @event oz-application-scheduled - A consultation was scheduled from an application. `detail: { application, consultation }`.
 * @event oz-application-declined - An application was declined. `detail: { application }`.
 * @event oz-consultation-cancelled - The doctor cancelled a consultation. `detail: { consultation }`.
 * @event oz-conclusion-written - The doctor wrote a conclusion. `detail: { conclusion }`.
 * @event oz-slots-published - A duty doctor opened time for booking. `detail: { slots }`.
 * @event oz-message-sent - The doctor sent a message in a consultation's chat (from the inner `<oz-chat>`). `detail: { message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and who is signed in; `doctor` is the doctor's line.
 * @csspart doctor - The signed-in doctor's line.
 * @csspart tabs - The «Заявки» / «Мои консультации» / «Дежурства» switch; `tab` is each of its buttons, `count` their numbers.
 * @csspart tab - Each button of the switch.
 * @csspart count - The number on a tab (also on the chat's tab of a consultation).
 * @csspart panel - The shown section.
 * @csspart status - Confirmations such as "Консультация назначена".
 * @csspart sign-in-prompt - The note for signed-out visitors, and for patients and managers that the desk is for doctors
 *   (old names, kept for one release: `prompt` on both, `doctors-only` on the latter).
 * @csspart prompt - The old name of `sign-in-prompt`, for one release.
 * @csspart doctors-only - The note for patients and managers that the desk is for doctors.
 * @csspart queue - The list of applications; `summary` the line above it; `application` each card (also `overdue`, `referral`).
 * @csspart summary - The line above the queue.
 * @csspart application - Each application card; also `overdue`, `referral`.
 * @csspart overdue - An application card past the 3-day target (also `application`).
 * @csspart referral - An application card of a referral (also `application`); also a fact line of one.
 * @csspart waiting - "ждёт 2 дня"; `overdue-marker` past the 3-day target; `referral-marker` a referral.
 * @csspart overdue-marker - The mark of an application past the 3-day target.
 * @csspart referral-marker - The mark of a referral.
 * @csspart application-details - One opened application; `facts` its data, `fact` each line
 *   (also `disease`, `diagnosis`, `complaints`, `referral`).
 * @csspart facts - The opened application's data.
 * @csspart fact - Each line of it; also `disease`, `diagnosis`, `complaints`, `referral`.
 * @csspart disease - The disease line (also `fact`).
 * @csspart diagnosis - The diagnosis line (also `fact`).
 * @csspart complaints - The complaints line (also `fact`).
 * @csspart documents - The patient's documents; `document` each of them, `document-details` its date and size.
 * @csspart document - Each of the patient's documents.
 * @csspart document-details - A document's date and size.
 * @csspart viewer - A PDF or a picture read in the page; `viewer-frame` (a PDF), `viewer-image` (a picture).
 * @csspart viewer-frame - The frame a PDF is read in.
 * @csspart viewer-image - A picture being read.
 * @csspart upcoming - The upcoming consultations; `past` the past, completed and cancelled ones.
 * @csspart past - The past, completed and cancelled consultations.
 * @csspart consultation - Each consultation card (also `today`, `cancelled`); `when` its time,
 *   `today-marker` the word «Сегодня», `consultation-status` its status, `conclusion-mark` "Заключение написано",
 *   `call-ended-mark` «Видеосвязь завершена — напишите заключение» (also on the screen), `join-note` when the call opens.
 * @csspart today - A card of today's consultation (also `consultation`).
 * @csspart cancelled - A card of a cancelled consultation (also `consultation`).
 * @csspart when - A consultation's time.
 * @csspart today-marker - The word «Сегодня».
 * @csspart consultation-status - A consultation's status.
 * @csspart conclusion-mark - "Заключение написано".
 * @csspart call-ended-mark - «Видеосвязь завершена — напишите заключение» (on the card and on the screen).
 * @csspart join-note - When the call opens.
 * @csspart consultation-details - One consultation's screen; `screen-tabs` its tabs (narrow desk), `screen-tab` each;
 *   `pane` each part (also `call-pane`, `documents-pane`, `chat-pane`, `conclusion-pane`); `call-pane` holds
 *   `video-room` once started; `conclusion` a written conclusion with `conclusion-text` and
 *   `conclusion-recommendations`; `chat` the place of its `<oz-chat>`.
 * @csspart screen-tabs - The tabs of a consultation's screen (on a narrow desk).
 * @csspart screen-tab - Each of those tabs.
 * @csspart pane - Each part of the screen; also `call-pane`, `documents-pane`, `chat-pane`, `conclusion-pane`.
 * @csspart call-pane - The call's part (also `pane`).
 * @csspart documents-pane - The documents' part (also `pane`).
 * @csspart chat-pane - The chat's part (also `pane`).
 * @csspart conclusion-pane - The conclusion's part (also `pane`).
 * @csspart video-room - The `<oz-video-room>` once the call has started (style its inside through its own parts).
 * @csspart conclusion - A written conclusion.
 * @csspart conclusion-text - Its text.
 * @csspart conclusion-recommendations - Its recommendations.
 * @csspart chat - The place of the consultation's `<oz-chat>`.
 * @csspart topic - A duty consultation's question from the patient.
 * @csspart new-message - «Новое сообщение» («Новых сообщений: 3») on a consultation card; `count` also on the chat's tab.
 * @csspart slots - A duty doctor's schedule; `slots-summary` its counts, `slot` each time (also
 *   `free` or `booked`) with `slot-time`, `slot-status` and `slot-patient`; `publish-preview` how
 *   many consultations the period makes.
 * @csspart slots-summary - The counts of the schedule.
 * @csspart slot - Each time; also `free` or `booked`.
 * @csspart free - A time nobody booked (also `slot`).
 * @csspart booked - A booked time (also `slot`).
 * @csspart slot-time - A time's start and end.
 * @csspart slot-status - Whether a time is free or booked.
 * @csspart slot-patient - Who booked a time.
 * @csspart publish-preview - How many consultations the chosen period makes.
 * @csspart loading - "Загружаем…" (also "Проверяем вход…"); `load-error` a failed load with its retry button.
 * @csspart load-error - A failed load with its retry button.
 * @csspart load-more-area - The end of a list that has more pages: `load-more` its button («Показать
 *   ещё»; the queue also loads its next page by itself when scrolled to its end), `load-more-error`.
 * @csspart load-more - «Показать ещё»: the next page of the list.
 * @csspart load-more-error - Why the next page did not come.
 * @csspart dialog - The confirmations before cancelling (`cancel-dialog`) and removing time (`remove-slot-dialog`).
 * @csspart cancel-dialog - The confirmation before cancelling a consultation (also `dialog`).
 * @csspart remove-slot-dialog - The confirmation before removing time (also `dialog`).
 * @csspart form - Each form (also `schedule-form`, `decline-form`, `conclusion-form`, `cancel-form`,
 *   `publish-form`, `remove-slot-form`).
 * @csspart schedule-form - Scheduling an application.
 * @csspart decline-form - Declining an application.
 * @csspart conclusion-form - Writing a conclusion.
 * @csspart cancel-form - Cancelling a consultation (in its dialog).
 * @csspart publish-form - Opening duty time.
 * @csspart remove-slot-form - Removing a time (in its dialog).
 * @csspart field - Each field (also `<name>-field`, e.g. `startsAt-field`); `label`, `hint`, `input`,
 *   `textarea`, `select`, `radio` inside.
 * @csspart startsAt-field - The date and time of a scheduled consultation.
 * @csspart durationMinutes-field - Its length.
 * @csspart reason-field - Why an application is declined or a consultation cancelled.
 * @csspart outcome-field - A conclusion, or an invitation to an in-person visit.
 * @csspart period-field - The period of duty time to open.
 * @csspart label - A field's label or legend.
 * @csspart hint - Help text of a field.
 * @csspart input - A text, date or time input.
 * @csspart textarea - A multi-line text field.
 * @csspart select - A list to choose from.
 * @csspart radio - A radio button.
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for a whole form.
 * @csspart field-error - The error next to a field.
 * @csspart form-error - The error of a whole form or action.
 * @csspart button - Every button; also `submit`, `refresh-button`, `back-button`, `retry-button`,
 *   `open-application-button`, `save-document-button`, `schedule-button`, `decline-button`,
 *   `write-conclusion-button`, `open-conclusion-button`, `cancel-consultation-button`,
 *   `confirm-cancel-button`, `keep-button`, `conclusion-button`, `open-chat-button`, `publish-button`,
 *   `remove-slot-button`, `open-booked-button`, `confirm-remove-button`, `keep-slot-button`, `load-more`,
 *   `view-document-button`, `viewer-download-button`, `close-viewer-button`, `start-call-button`,
 *   `decline-open-button` (red outline; opens the decline form), `decline-keep-button`.
 * @csspart retry-button - Tries a failed load again.
 * @csspart submit - Each form's main button.
 * @csspart refresh-button - Reloads the shown section.
 * @csspart back-button - Back from an application or a consultation to the list.
 * @csspart open-application-button - Opens an application of the queue.
 * @csspart save-document-button - Saves a document to the computer.
 * @csspart view-document-button - Reads a document in the page.
 * @csspart viewer-download-button - Saves the document being read.
 * @csspart close-viewer-button - Closes the document being read.
 * @csspart schedule-button - Schedules the consultation.
 * @csspart decline-open-button - Opens the decline form (red outline).
 * @csspart decline-button - Declines the application.
 * @csspart decline-keep-button - Closes the decline form.
 * @csspart write-conclusion-button - Opens a consultation to write its conclusion.
 * @csspart open-conclusion-button - Opens a consultation's written conclusion.
 * @csspart conclusion-button - Saves the conclusion.
 * @csspart open-chat-button - Opens a consultation's chat.
 * @csspart start-call-button - Starts the video call.
 * @csspart cancel-consultation-button - Cancels a consultation (asks first).
 * @csspart confirm-cancel-button - Confirms the cancellation in the dialog.
 * @csspart keep-button - Closes the cancel dialog and keeps the consultation.
 * @csspart publish-button - Opens the chosen duty time.
 * @csspart remove-slot-button - Removes a free time (asks first).
 * @csspart open-booked-button - Opens the consultation booked for a time.
 * @csspart confirm-remove-button - Confirms the removal in the dialog.
 * @csspart keep-slot-button - Closes the removal dialog and keeps the time.
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
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /**
   * The section shown: `applications` (the queue, default), `consultations` (the doctor's own) or
   * `duty` (a duty doctor's schedule; others see the queue instead).
   */
  @property({ reflect: true }) section: DeskSection = 'applications';

  /**
   * How many items one page of each list holds (`limit` of the API: at most 200 for the queue and
   * the consultations, 500 for duty slots). The queue brings its next page as the doctor scrolls to
   * its end; the other lists with «Показать ещё». Unset: the API's defaults (50, 100, 200).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  @state() private refreshing = false;

  readonly #gate = new SignInGate(this, {
    roles: ['doctor'],
    words: (t) => ({ restoring: t.doctorDesk.restoring, signInPrompt: t.doctorDesk.signInPrompt, otherRole: this.#doctorsOnly(t) }),
    extraParts: 'prompt',
    otherRoleParts: 'doctors-only',
  });

  readonly #status = new DeskStatus(this);

  readonly #data = new DeskData(this, {
    client: () => this.client,
    doctorKey: () => this.#doctorKey(),
    centerId: () => this.#doctor()?.centerId ?? null,
    isDutyDoctor: () => this.#doctor()?.isDutyDoctor ?? false,
    pageSize: () => this.pageSize,
  });

  readonly #applications = new ApplicationsSection(this, { data: this.#data, status: this.#status });
  readonly #consultations = new ConsultationsSection(this, {
    data: this.#data,
    status: this.#status,
    videoAction: (consultation) => this.renderVideoAction(consultation),
  });
  readonly #duty = new DutySection(this, {
    data: this.#data,
    status: this.#status,
    showConsultation: (consultation) => {
      this.#selectSection('consultations');
      this.#consultations.show(consultation);
    },
  });

  /** The latest notifications the lists were refreshed for, oldest first. */
  readonly #handled = new Set<string>();

  constructor() {
    super();
    // The page's one live stream: chat messages, and news (a booking, a cancellation) that changes the
    // lists, also when no <oz-notifications> is on the page.
    new LiveNotificationsController(this, {
      onMessage: (message) => this.#onMessage(message),
      onNotification: (notification) => this.#onNotification(notification),
    });
  }

  /**
   * The way into the call on a consultation card: from 15 minutes before the start,
   * «Начать видеосвязь» opens the consultation's screen with its `<oz-video-room>` on (the screen
   * itself has its own «Начать видеосвязь»); before that, when the room opens. A subclass may
   * put another way to call here.
   */
  protected renderVideoAction(consultation: Consultation): unknown {
    return renderCardCall(this.t, this.locale, consultation, (chosen) => this.#consultations.show(chosen, 'call'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Chats are for the signed-in doctor: their code comes then, before a consultation is opened.
    if (this.user) prefetchChat();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // <oz-notifications> announces news for this user: the queue or a consultation may have changed.
    document.addEventListener('oz-notification', this.#onPageNotification);
    // The room inside the consultation's screen: its end and a rejoin change «Видеосвязь завершена».
    this.renderRoot.addEventListener('oz-call-ended', this.#onCallEnded);
    this.renderRoot.addEventListener('oz-call-joined', this.#onCallJoined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('oz-notification', this.#onPageNotification);
    this.renderRoot.removeEventListener('oz-call-ended', this.#onCallEnded);
    this.renderRoot.removeEventListener('oz-call-joined', this.#onCallJoined);
  }

  #onCallEnded = (event: Event): void => {
    const detail = (event as CustomEvent<{ consultationId: string }>).detail;
    this.#consultations.callChanged(detail.consultationId, new Date().toISOString());
  };

  #onCallJoined = (event: Event): void => {
    const detail = (event as CustomEvent<{ consultationId: string }>).detail;
    this.#consultations.callChanged(detail.consultationId, null);
  };

  override render(): TemplateResult {
    // Until a doctor is signed in: "Проверяем вход…", the sign-in prompt, or that it is for doctors.
    const doctor = this.#gate.open ? this.#doctor() : null;
    const gate = doctor
      ? nothing
      : html`<header part="header" class="header"><h2 id="desk-title">${this.t.doctorDesk.title}</h2></header>${this.#gate.render()}`;
    return html`<div part="base" class="oz-base desk" lang=${this.locale}>${doctor ? this.#renderDesk(doctor) : gate}</div>`;
  }

  /** Why a patient or a manager sees no desk, and where a patient finds their own consultations. */
  #doctorsOnly(t: Translation): string {
    const desk = t.doctorDesk;
    return this.user?.role === 'patient' ? `${desk.doctorsOnly} ${desk.patientHint}` : desk.doctorsOnly;
  }

  #renderDesk(doctor: User): TemplateResult {
    const desk = this.t.doctorDesk;
    const center = this.#data.center;
    const centerName = center ? (this.locale === 'en' ? center.nameEn : center.shortName) : '';
    const now = Date.now();
    const { queueList, consultationList } = this.#data;
    const queueCount = this.#data.queue.value && this.#count(queueList.items.length, queueList.hasMore);
    const upcomingCount =
      this.#data.consultations.value &&
      this.#count(orderConsultations(consultationList.items, now).upcoming.length, consultationList.hasMore);
    return html`
      <header part="header" class="header">
        <h2 id="desk-title">${desk.title}</h2>
        <p part="doctor" class="doctor">${desk.doctorLine(doctor.fullName, centerName)}</p>
      </header>
      <div class="toolbar">
        <div part="tabs" class="tabs" role="group" aria-label=${desk.sectionsLabel}>
          ${this.#tab('applications', desk.applicationsTab, queueCount)}
          ${this.#tab('consultations', desk.consultationsTab, upcomingCount)}
          ${doctor.isDutyDoctor ? this.#tab('duty', desk.dutyTab, undefined) : nothing}
        </div>
        <button type="button" part="button refresh-button" class="refresh" @click=${this.#onRefresh}>
          <span aria-hidden="true">↻ </span>${this.refreshing ? desk.refreshing : desk.refresh}
        </button>
      </div>
      <div role="status" part="status" class="status">${this.#status.text}</div>
      <div part="panel" class="panel">
        ${this.#renderSection(doctor, now)}
      </div>
    `;
  }

  #renderSection(doctor: User, now: number): unknown {
    if (this.section === 'consultations') return this.#consultations.render(now);
    if (this.section === 'duty' && doctor.isDutyDoctor) return this.#duty.render(now);
    return this.#applications.render(now);
  }

  /** "50+" while later pages may hold more. */
  #count(loaded: number, more: boolean): string {
    return more ? `${loaded}+` : String(loaded);
  }

  #tab(section: DeskSection, label: string, count: string | undefined): TemplateResult {
    return html`
      <button
        type="button"
        part="button tab"
        class="tab"
        aria-pressed=${this.#shownSection() === section ? 'true' : 'false'}
        @click=${() => this.#selectSection(section)}
      >
        ${label}${count === undefined ? nothing : html` <span part="count" class="count">${count}</span>`}
      </button>
    `;
  }

  /** `duty` falls back to the queue for a doctor who is not on duty. */
  #shownSection(): DeskSection {
    return this.section === 'duty' && !this.#doctor()?.isDutyDoctor ? 'applications' : this.section;
  }

  #doctor(): User | null {
    const user = this.user;
    return user?.role === 'doctor' ? user : null;
  }

  /** The desk works for a doctor at an API: another origin is another person too. */
  protected override userKey(): string | undefined {
    return this.#doctorKey() ?? undefined;
  }

  /** The sections forget the previous doctor's data themselves (their hostUpdate). */
  protected override userChanged(): void {
    this.#status.clear();
  }

  #doctorKey(): string | null {
    const doctor = this.#doctor();
    return doctor ? `${this.apiOrigin} ${doctor.id}` : null;
  }

  #selectSection(section: DeskSection): void {
    this.section = section;
    this.#status.clear();
  }

  #onRefresh = async (): Promise<void> => {
    if (this.refreshing) return;
    this.refreshing = true;
    this.#status.clear();
    await this.#data.refresh();
    this.refreshing = false;
    this.#status.say(this.t.doctorDesk.refreshed);
  };

  /** A patient wrote: the consultation's card says so, unless the doctor has its chat open. */
  #onMessage(message: ChatMessage): void {
    const doctor = this.#doctor();
    if (!doctor || message.authorId === doctor.id) return;
    if (this.#consultations.markNewMessage(message.consultationId, this.section === 'consultations')) {
      this.#status.say(this.t.doctorDesk.newMessageFrom(message.authorName));
    }
  }

  #onPageNotification = (event: Event): void => {
    const notification = (event as CustomEvent<{ notification?: Notification }>).detail?.notification;
    if (notification) this.#onNotification(notification);
  };

  /**
   * News for this doctor (a booking, a cancellation) may have changed every list. With a bell on the
   * page the same notification comes twice, from the desk's own live subscription and again as the
   * bell's `oz-notification`: the lists are read once per notification, not once per messenger.
   */
  #onNotification(notification: Notification): void {
    // A chat line changes no list: its card's count follows the message itself (#onMessage), and a
    // reload racing the chat's «read» would bring back a count the doctor has already seen.
    if (notification.kind === 'message_received') return;
    if (!this.#doctorKey() || this.#handled.has(notification.id)) return;
    this.#handled.add(notification.id);
    if (this.#handled.size > HANDLED_NOTIFICATIONS) this.#handled.delete(this.#handled.values().next().value!);
    void this.#data.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-doctor-desk': OzDoctorDesk;
  }
}
