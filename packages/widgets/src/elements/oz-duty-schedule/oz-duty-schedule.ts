import type { CenterId, Consultation, DutySlot, FieldError } from '@oz/contracts';
import { TOPIC_MAX } from '@oz/contracts/constants';
import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { bookDutySlot, dutySlots, type DutySlotsQuery } from '../../api/duty.ts';
import { ApiError } from '../../api/errors.ts';
import { CentersController } from '../../controllers/centers-catalog.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { LoadController, loadError, loadingLine, type LoadWords } from '../../controllers/load.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { bookedConfirmation } from './booked-confirmation.ts';
import { bookingPanel, slotWhen } from './booking-panel.ts';
import { centerChoice, centerTitle } from './center-choice.ts';
import { bookingChecks } from './load-booking-checks.ts';
import { styles } from './oz-duty-schedule.styles.ts';
import { MOSCOW, clockTime, differsFromMoscow, groupByDay, localDayKey, nearestSlots } from './slot-days.ts';
import { dayTabStop, slotList } from './slot-list.ts';
import type { SlotDay } from './slot-days.ts';
import { slotTakenNotice, type LostReason } from './slot-taken-notice.ts';
import { strings } from './strings.ts';

/** A message kept as a function of the strings, so it follows a change of language. */
type Words = (t: Translation) => string;

interface BookingInput {
  slot: DutySlot;
  topic: string;
}

/** The free slots of one center; kept with the center so a switch never shows the other's times. */
interface LoadedSlots {
  centerId: CenterId;
  items: readonly DutySlot[];
}

/** What the API lists by default, and what the empty message promises ("the next two weeks"). */
const RANGE_MS = 14 * 24 * 60 * 60_000;

/**
 * @summary Path 2 of the program: a consultation with a duty doctor (дежурный врач) by schedule,
 * open to anyone signed up, with no documents. Free times by day with the doctor's name, in the
 * reader's local time; pick one, add an optional question and book (by video, the only channel).
 * A visitor who picks a time and then signs in on the page is brought back to that time's form.
 * Anyone can see the times; booking needs a patient signed in through the page's `<oz-register>`.
 * When someone else was quicker it says so and offers the nearest free times. Where the two weeks
 * hold more times than one page, «Показать ещё» after the list brings the next ones.
 *
 * @event oz-booked - The patient booked a time here. `detail: { consultation }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart intro - Who the duty doctor helps and with what.
 * @csspart signed-out-note - "Anyone can see the times; sign in to book".
 * @csspart center-name - The center fixed by the `center` attribute.
 * @csspart field - Each field (also `center-field`, `channel-field`, `topic-field`); `channel` is the
 *   line «Способ связи: Видеосвязь» (video is the only one, so it is stated, not offered as a choice).
 * @csspart center-field - The choice of the center.
 * @csspart channel-field - The channel of the consultation.
 * @csspart channel - The line «Способ связи: Видеосвязь» (video is the only one, so it is stated, not offered).
 * @csspart topic-field - What the patient wants to ask.
 * @csspart label - A field's label or legend.
 * @csspart hint - Help text of a field.
 * @csspart radio - A radio button of the centers.
 * @csspart choose-center - "Choose a medical center" before one is chosen.
 * @csspart toolbar - The time-zone note and the refresh button; `time-zone-note` is the note.
 * @csspart time-zone-note - The note on the time zone of the times shown.
 * @csspart days - The list of days; `day` is each day, `day-heading` its heading.
 * @csspart day - Each day.
 * @csspart day-heading - A day's heading.
 * @csspart doctor - "Дежурный врач: …" above that doctor's times; `times` is the group of them.
 * @csspart times - The group of that doctor's times.
 * @csspart slot - Each time button; `slot-selected` the chosen one. A day's times are one stop of
 *   the Tab key; the arrow keys (Left/Right, Up/Down by row), Home and End move among them.
 * @csspart slot-selected - The chosen time (also `slot`).
 * @csspart signed-in-note - At the form, after signing in from a chosen time: you may book now.
 * @csspart booking - The booking panel under the chosen day; `summary` (with `summary-when`,
 *   `summary-doctor`), `requirements`, `form`, `textarea`, `counter`.
 * @csspart summary - The chosen time and doctor.
 * @csspart summary-when - The chosen time.
 * @csspart summary-doctor - The chosen doctor.
 * @csspart requirements - What the patient needs for the call (camera, microphone, connection).
 * @csspart form - The booking form.
 * @csspart textarea - The question for the doctor.
 * @csspart counter - How many characters are left.
 * @csspart sign-in-prompt - What a signed-out visitor (or a staff member) sees instead of the form.
 * @csspart loading - "Loading…" before the centers or the times first come.
 * @csspart load-error - A failed load: its `error` text and a `retry-button`.
 * @csspart slot-taken - The notice when the chosen time was taken; `nearest` the list of quick choices.
 * @csspart nearest - The list of quick choices after a time was taken.
 * @csspart confirmation - What the patient sees after booking (`booked-date`, `booked-time`,
 *   `booked-doctor`, `where`).
 * @csspart booked-date - The booked date.
 * @csspart booked-time - The booked time.
 * @csspart booked-doctor - The duty doctor.
 * @csspart where - Where the consultation will be seen and joined.
 * @csspart empty - "No free time in the next two weeks".
 * @csspart button - Every button; also `slot`, `nearest-slot`, `refresh-button`, `retry-button`,
 *   `submit`, `sign-in-button`, `book-another-button`, `load-more` (the next free times).
 * @csspart retry-button - Tries a failed load again.
 * @csspart load-more - «Показать ещё»: the next free times.
 * @csspart nearest-slot - Each quick choice after a time was taken.
 * @csspart refresh-button - Reloads the free times.
 * @csspart submit - «Записаться».
 * @csspart sign-in-button - Goes to the sign-in from a chosen time.
 * @csspart book-another-button - Another booking, after one was made.
 * @csspart error - Any error text; `field-error`, `form-error`, `load-more-error`; a failed load's text
 *   also carries `load-error` (its old name, kept for one release).
 * @csspart field-error - The error next to a field.
 * @csspart form-error - The error of a whole form or action.
 * @csspart load-more-error - Why the next free times did not come.
 * @csspart load-more-area - After the list: «Показать ещё» and its error.
 * @csspart status - Announcements such as "The list has been refreshed".
 *
 * @cssproperty --oz-color-primary - Buttons, the chosen time and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - Background of the booking panel and notices (default #f2f5f8).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzDutySchedule extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /**
   * The center's id (`bakulev`, `kulakov`, see `GET /centers`): only its duty doctors are shown
   * and the patient cannot change it. Without it (or with an unknown id) the patient chooses.
   */
  @property() center?: string;

  /**
   * How many free times one page holds (`limit` of the API, at most 500); «Показать ещё» brings
   * the next page. Unset: the API's default (200).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  @state() private chosenCenterId: CenterId | undefined;
  @state() private selected: DutySlot | undefined;
  @state() private topic = '';
  @state() private booked: Consultation | undefined;
  /** The chosen time went away (taken, removed): what it was, to offer the nearest ones. */
  @state() private lost: { reason: LostReason; wanted: DutySlot } | undefined;
  /** Visible confirmations near the list ("refreshed"). */
  @state() private status: Words | undefined;
  /** For screen readers only: which time is now chosen (the panel shows it to the eye). */
  @state() private chosenAnnouncement: Words | undefined;
  /** Per day (its key), the time last focused there: the day's one stop of the Tab key. */
  @state() private tabStops: ReadonlyMap<string, string> = new Map();
  /** The person signed in to book the chosen time: the panel says they may go on. */
  @state() private justSignedIn = false;

  /** A time was chosen while nobody was signed in: signing in then leads back to its form. */
  #choseSignedOut = false;
  /** Set on that sign-in; the next update takes focus and the view to the form. */
  #goToForm = false;

  readonly #centers = new CentersController(this, () => this.client);

  /** The free times of the shown center loaded so far, by start time. */
  readonly #slotList = new PagedList<DutySlot>(this, {
    name: 'slots',
    keyOf: (slot) => slot.id,
    itemSelector: (slot) => `button[part~="slot"][data-slot-id="${slot.id}"]`,
  });

  readonly #slots = new LoadController(this, {
    task: async ([client, centerId, limit], { signal }) => {
      if (!centerId) return undefined;
      const from = new Date();
      const to = new Date(from.getTime() + RANGE_MS);
      const query: DutySlotsQuery = { centerId, from: from.toISOString(), to: to.toISOString() };
      return { centerId, query, limit, page: await dutySlots(client, query, { limit, signal }) };
    },
    args: () => [this.client, this.#centerId(), this.pageSize] as const,
    onComplete: (loaded) => {
      if (!loaded) return this.#slotList.reset();
      const { query, limit, page } = loaded;
      // Later pages continue the same range, not one that starts at a later "now".
      this.#slotList.reset(page, (cursor, signal) => dutySlots(this.client, query, { cursor, limit, signal }));
    },
  });

  readonly #form = new FormSubmit<BookingInput, Consultation>(this, {
    fields: ['topic'],
    precheck: (input) => this.#precheck(input),
    send: ({ slot, topic }, signal) => {
      const text = topic.trim();
      return bookDutySlot(this.client, slot.id, text ? { channel: 'video', topic: text } : { channel: 'video' }, signal);
    },
    onSuccess: (consultation) => this.#onBooked(consultation),
  });

  /** The booking pre-check, in its own chunk loaded while the person reads. */
  readonly #checks = new LazyChecksController(this, () => bookingChecks.load());

  /** Booking is for patients; anyone may look at the times. */
  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.dutySchedule.restoring, signInPrompt: t.dutySchedule.signInToBook, otherRole: t.dutySchedule.patientsOnly }),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('center')) this.#forgetChoice();
    this.#noticeLostSlot();
  }

  protected override userChanged(previous: string | undefined): void {
    // A visitor who picked a time and then signed in keeps it; another person's choices do not stay.
    if (previous !== undefined) {
      this.selected = undefined;
      this.topic = '';
      this.lost = undefined;
    }
    // Signed in (perhaps three screens away, in the page's <oz-register>) to book the chosen time:
    // bring them back to its form rather than leave them to hunt for it.
    this.justSignedIn = previous === undefined && this.#choseSignedOut && !!this.selected && this.#gate.open;
    this.#goToForm = this.justSignedIn;
    this.#choseSignedOut = false;
    this.booked = undefined;
    this.#form.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#goToForm) return;
    this.#goToForm = false;
    void this.#showFormAfterSignIn();
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${this.t.dutySchedule.title}</h2>
        ${this.booked ? this.#renderConfirmation(this.booked) : this.#renderSchedule()}
        <div role="status" class="visually-hidden">${this.chosenAnnouncement?.(this.t) ?? nothing}</div>
      </div>
    `;
  }

  #renderSchedule(): TemplateResult {
    const d = this.t.dutySchedule;
    return html`
      <p class="intro" part="intro">${d.intro}</p>
      ${this.#signedOut() ? html`<p class="note" part="signed-out-note">${d.signedOutNote}</p>` : nothing}
      ${this.#renderCenter()} ${this.#renderSlots()}
    `;
  }

  #renderCenter(): unknown {
    const centers = this.#centers.value;
    if (centers) {
      return centerChoice({
        t: this.t,
        lang: this.locale,
        centers,
        preset: centers.find((c) => c.id === this.center),
        selectedId: this.chosenCenterId,
        onChange: this.#onCenter,
      });
    }
    // With a preset center the times load anyway; only its name is missing.
    if (this.center) return nothing;
    return this.#centers.render(this.#loadWords(this.t.common.loading, this.t.dutySchedule.centersFailed), () => nothing);
  }

  #renderSlots(): TemplateResult | typeof nothing {
    const d = this.t.dutySchedule;
    const centerId = this.#centerId();
    if (!centerId) return this.#centers.value ? html`<p class="muted" part="choose-center">${d.chooseCenter}</p>` : nothing;
    const loaded = this.#currentSlots();
    const words = this.#loadWords(d.loading, d.loadFailed);
    // Composed here rather than by #slots.render: a failed refresh keeps the times on screen.
    if (!loaded) return this.#slots.failed ? loadError(words, this.#slots.error, this.#retrySlots) : loadingLine(d.loading);
    const now = new Date();
    const lost = this.lost;
    return html`
      ${lost
        ? slotTakenNotice({
            t: this.t,
            lang: this.locale,
            reason: lost.reason,
            nearest: this.#slots.pending ? undefined : nearestSlots(loaded.items, lost.wanted),
            now,
            onPick: this.#onPickNearest,
          })
        : nothing}
      ${this.#renderToolbar(loaded.items)}
      ${this.#slots.failed ? loadError(words, this.#slots.error, this.#retrySlots) : nothing}
      ${loaded.items.length === 0
        ? html`<p class="empty" part="empty">${d.empty}${this.#canChooseCenter() ? ` ${d.emptyOtherCenter}` : ''}</p>`
        : html`
            <p class="pick-hint">${d.pickHint}</p>
            ${slotList({
              t: this.t,
              lang: this.locale,
              days: groupByDay(loaded.items),
              selectedId: this.selected?.id,
              tabStopOf: (day: SlotDay) => dayTabStop(day, this.tabStops.get(day.key), this.selected?.id),
              now,
              onPick: this.#onPick,
              onFocusSlot: this.#onFocusSlot,
              panel: this.selected ? this.#renderPanel(this.selected, now) : nothing,
            })}
          `}
      ${this.#slotList.renderMore({ t: this.t, listName: d.freeTimes })}
    `;
  }

  #renderToolbar(slots: readonly DutySlot[]): TemplateResult {
    const d = this.t.dutySchedule;
    const refreshing = this.#slots.pending;
    const first = slots[0];
    const zoneNote = !first
      ? undefined
      : differsFromMoscow(first.startsAt)
        ? d.localTime(clockTime(this.locale, first.startsAt, MOSCOW), clockTime(this.locale, first.startsAt))
        : d.moscowTime;
    return html`
      <div class="toolbar" part="toolbar">
        ${zoneNote ? html`<p class="zone-note" part="time-zone-note">${zoneNote}</p>` : nothing}
        <button type="button" part="button refresh-button" ?disabled=${refreshing} @click=${this.#onRefresh}>
          ${refreshing ? d.refreshing : d.refresh}
        </button>
        <div role="status" part="status" class="status">${this.status?.(this.t) ?? nothing}</div>
      </div>
    `;
  }

  #renderPanel(slot: DutySlot, now: Date): TemplateResult {
    const form = this.#form;
    const topicError = form.errorFor('topic');
    return bookingPanel({
      t: this.t,
      lang: this.locale,
      slot,
      centerName: this.#centerName(slot.centerId),
      gate: this.#gate.render(),
      now,
      topic: this.topic,
      // From the zod-free constants: there from the first render, whatever becomes of the checks chunk.
      topicMax: TOPIC_MAX,
      pending: form.pending,
      topicError: topicError && describeFieldError(this.t, topicError),
      formError: this.#formErrorText(),
      // Nobody is signed in (or a one-time password waits to be replaced): the page's <oz-register> is where to go.
      canJumpToSignIn: !this.#gate.user && this.session.status !== 'restoring' && this.#registerElement() !== null,
      justSignedIn: this.justSignedIn,
      onTopic: (topic) => (this.topic = topic),
      onSubmit: this.#onSubmit,
      onJumpToSignIn: this.#onJumpToSignIn,
    });
  }

  #renderConfirmation(consultation: Consultation): TemplateResult {
    return bookedConfirmation({
      t: this.t,
      lang: this.locale,
      consultation,
      centerName: this.#centerName(consultation.centerId),
      now: new Date(),
      onAgain: this.#onAgain,
    });
  }

  /** A failed load's text keeps its old part `load-error` for one release. */
  #loadWords(loading: string, failed: string): LoadWords {
    return { loading, failed, retry: this.t.dutySchedule.retry, describe: (error) => describeError(this.t, error), errorParts: 'load-error' };
  }

  #retrySlots = (): void => void this.#slots.run();

  /** "Anyone can see the times; sign in to book" is for a visitor nobody has signed in as yet. */
  #signedOut(): boolean {
    return !this.user && this.session.status !== 'restoring';
  }

  /** The page's center when it names a known one, else the patient's choice. */
  #centerId(): CenterId | undefined {
    const centers = this.#centers.value;
    if (this.center && (!centers || centers.some((c) => c.id === this.center))) return this.center as CenterId;
    return this.chosenCenterId;
  }

  #canChooseCenter(): boolean {
    const centers = this.#centers.value;
    return centers !== undefined && !centers.some((c) => c.id === this.center);
  }

  #centerName(id: string): string | undefined {
    const center = this.#centers.find(id);
    return center && centerTitle(center, this.locale);
  }

  /** The loaded times, if they belong to the center now shown. */
  #currentSlots(): LoadedSlots | undefined {
    const loaded = this.#slots.value;
    return loaded && loaded.centerId === this.#centerId() ? { centerId: loaded.centerId, items: this.#slotList.items } : undefined;
  }

  /** A refresh no longer lists the chosen time: say so rather than let a booking fail later. */
  #noticeLostSlot(): void {
    const selected = this.selected;
    const loaded = this.#currentSlots();
    if (!selected || !loaded || this.#slots.status !== TaskStatus.COMPLETE || this.#form.pending) return;
    if (loaded.items.some((slot) => slot.id === selected.id)) return;
    // A time after the loaded pages may well be free still: only one within them is known to be gone.
    const last = loaded.items[loaded.items.length - 1];
    if (this.#slotList.hasMore && (!last || Date.parse(selected.startsAt) > Date.parse(last.startsAt))) return;
    this.selected = undefined;
    this.lost = { reason: 'gone', wanted: selected };
    this.chosenAnnouncement = undefined;
  }

  #formErrorText(): string | undefined {
    const error = this.#form.formError;
    if (error === undefined) return undefined;
    const d = this.t.dutySchedule;
    if (error instanceof ApiError) {
      if (error.code === 'booking_limit') return d.bookingLimit;
      if (error.code === 'program_closed') return d.programClosed;
      if (error.code === 'forbidden') return d.patientsOnly;
    }
    return describeError(this.t, error);
  }

  #precheck({ topic }: BookingInput): Promise<FieldError[]> {
    return this.#checks.check((checks) => checks.checkBooking({ channel: 'video', topic }));
  }

  /** The page's sign-in element, to take a signed-out visitor there. */
  #registerElement(): HTMLElement | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.querySelector?.<HTMLElement>('oz-register') ?? document.querySelector<HTMLElement>('oz-register');
  }

  #forgetChoice(): void {
    this.selected = undefined;
    this.justSignedIn = false;
    this.lost = undefined;
    this.status = undefined;
    this.chosenAnnouncement = undefined;
    this.#form.reset();
  }

  #choose(slot: DutySlot): void {
    if (this.selected?.id !== slot.id) {
      this.#form.reset();
      this.justSignedIn = false;
    }
    this.selected = slot;
    this.tabStops = new Map(this.tabStops).set(localDayKey(new Date(slot.startsAt)), slot.id);
    if (!this.#gate.user) this.#choseSignedOut = true;
    this.lost = undefined;
    this.status = undefined;
    const now = new Date();
    this.chosenAnnouncement = (t) => t.dutySchedule.selected(slotWhen(t, this.locale, slot, now), slot.doctorName);
  }

  #onCenter = (centerId: CenterId): void => {
    this.chosenCenterId = centerId;
    this.#forgetChoice();
  };

  /**
   * Focus stays on the pressed button, so its new aria-pressed state is what a screen reader hears.
   * The chosen time becomes its day's tab stop (#choose) even where a click does not focus (Safari).
   */
  #onPick = (slot: DutySlot): void => this.#choose(slot);

  #onFocusSlot = (day: SlotDay, slotId: string): void => {
    if (this.tabStops.get(day.key) === slotId) return;
    this.tabStops = new Map(this.tabStops).set(day.key, slotId);
  };

  /**
   * After signing in elsewhere on the page: the chosen time's form into view, focus on its heading,
   * and a polite word of what happened. Waits a task so that <oz-register>, which focuses its own
   * "signed in" view on the same change, does not take the focus back after us.
   */
  async #showFormAfterSignIn(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.updateComplete;
    const slot = this.selected;
    const booking = this.renderRoot.querySelector<HTMLElement>('[part~="booking"]');
    const title = this.renderRoot.querySelector<HTMLElement>('#booking-title');
    if (!slot || !booking || !title || !this.#gate.open) return;
    booking.scrollIntoView({ block: 'start' });
    title.focus({ preventScroll: true });
    const now = new Date();
    this.chosenAnnouncement = (t) => t.dutySchedule.signedInAnnouncement(slotWhen(t, this.locale, slot, now));
  }

  /** A quick choice disappears with the notice: go on to the booking panel of the new time. */
  #onPickNearest = async (slot: DutySlot): Promise<void> => {
    this.#choose(slot);
    await this.focusAfterUpdate('#booking-title');
  };

  #onRefresh = async (): Promise<void> => {
    this.status = undefined;
    await this.#slots.run();
    if (this.#slots.status === TaskStatus.COMPLETE) this.status = (t) => t.dutySchedule.refreshed;
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const slot = this.selected;
    if (!slot) return;
    this.status = undefined;
    await this.#form.submit({ slot, topic: this.topic });
    const error = this.#form.formError;
    // A vanished slot (a doctor removed it) is the same story for the patient as a taken one.
    if (error instanceof ApiError && (error.code === 'slot_taken' || error.code === 'not_found')) {
      await this.#slotTaken(slot);
    }
  };

  /** Says so plainly, reloads, and offers the nearest free times as quick choices. */
  async #slotTaken(wanted: DutySlot): Promise<void> {
    this.#form.reset();
    this.selected = undefined;
    this.chosenAnnouncement = undefined;
    this.lost = { reason: 'taken', wanted };
    const reload = this.#slots.run();
    await this.focusAfterUpdate('#taken-title');
    await reload;
  }

  async #onBooked(consultation: Consultation): Promise<void> {
    this.booked = consultation;
    this.selected = undefined;
    this.justSignedIn = false;
    this.topic = '';
    this.lost = undefined;
    this.status = undefined;
    this.chosenAnnouncement = undefined;
    this.#form.reset();
    this.emit('oz-booked', { consultation });
    // Fresh times are ready when the patient books another.
    void this.#slots.run();
    await this.focusAfterUpdate('#done-title');
  }

  #onAgain = async (): Promise<void> => {
    this.booked = undefined;
    await this.focusAfterUpdate('#title');
  };

  #onJumpToSignIn = (): void => {
    const register = this.#registerElement();
    if (!register) return;
    register.scrollIntoView({ block: 'start' });
    // <oz-register>'s focus() goes to its own first field (its public behaviour; its shadow root is its own).
    register.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-duty-schedule': OzDutySchedule;
  }
}
