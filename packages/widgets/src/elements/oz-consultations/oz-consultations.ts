import type { Application, Center, Conclusion, Consultation } from '@oz/contracts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import { centersOf } from '../../controllers/centers-catalog.ts';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { LoadController, loadError, loadingLine, type LoadWords } from '../../controllers/load.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import { PageEventsController } from '../../controllers/page-events.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { VideoJoinController } from '../../internal/video-join.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { prefetchChat } from '../oz-chat/chat-loader.ts';
import { renderApplicationCard } from './application-card.ts';
import { arrange, formatWhen } from './arrange.ts';
import { ChatToggles } from './chat-toggles.ts';
import { ConclusionsController } from './conclusions.ts';
import { renderConfirmDialog, type PendingAction } from './confirm-dialog.ts';
import { renderConsultationCard } from './consultation-card.ts';
import { styles } from './oz-consultations.styles.ts';
import { printConclusion } from './print-conclusion.ts';
import { strings } from './strings.ts';

/**
 * What was loaded (the consultations are in the paged list), tagged with its user so another user's
 * data is never shown after a switch.
 */
interface Loaded {
  userId: string;
  applications: Application[];
  centers: Center[];
}

/**
 * @summary The personal account's section «Консультации» for the patient: applications waiting
 * for a doctor (or declined, with the reason), upcoming and past online consultations, cancelling
 * a consultation or withdrawing an application, the doctor's conclusion to read and print, and
 * the correspondence with the doctor (`<oz-chat>`, opened in place under each consultation; a
 * card says «Новое сообщение» when the doctor wrote while it was closed). It refreshes by itself
 * when a notification arrives (a consultation scheduled, a conclusion ready). Consultations come
 * latest first in pages: the first holds the upcoming ones and the latest past ones, and
 * «Показать ещё» under the past ones brings earlier ones.
 *
 * From 15 minutes before the start a consultation's card offers the video room in place
 * (`<oz-video-room>`); before that it says when the room opens. `renderJoin()` can be
 * overridden to put something else there (a link to a page of the portal's own, say).
 *
 * @event oz-consultation-cancelled - The patient cancelled a consultation here. `detail: { consultation }`.
 * @event oz-application-cancelled - The patient withdrew a waiting application here. `detail: { application }`.
 * @event oz-message-sent - The patient sent a message in a consultation's chat (from the inner `<oz-chat>`). `detail: { message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading «Консультации».
 * @csspart section - Each group: applications, upcoming, cancelled (cancelled ones whose time is still
 *   to come, «Отменённые»), past; each also has `<name>-section`.
 * @csspart consultation - A consultation card; its status is added (`scheduled`, `completed`, `cancelled`…).
 * @csspart application - An application card; its status is added (`submitted`, `declined`, `cancelled`).
 * @csspart when - The date and time of a consultation.
 * @csspart status-text - The status of a card; `call-ended` too once the doctor has ended the call and the conclusion is still to come (no join, no cancel then).
 * @csspart join - Where the video button will be (for now the note about it); `join-note` is the note.
 * @csspart waiting-note - How long a doctor takes to answer an application.
 * @csspart decline-reason - Why an application was declined.
 * @csspart cancellation - Who cancelled a consultation, and why.
 * @csspart conclusion - The doctor's conclusion; `outcome`, `conclusion-text`, `recommendations` inside.
 * @csspart topic - What the patient wants to ask the duty doctor.
 * @csspart chat - The opened `<oz-chat>` of a consultation (style its inside through its own parts);
 *   `new-message` the «Новое сообщение» marker next to `chat-button`.
 * @csspart button - Every button; also `cancel-button`, `withdraw-button`, `conclusion-button`, `chat-button`,
 *   `print-button`, `retry-button`, `confirm-button`, `keep-button`, `load-more` (earlier consultations).
 * @csspart dialog - The confirmation before cancelling or withdrawing (also `cancel-dialog`);
 *   `textarea` is its reason field, `label` its label.
 * @csspart status - Confirmations such as "Онлайн-консультация отменена".
 * @csspart loading - The line while the consultations (or a conclusion) load.
 * @csspart load-error - What could not be loaded (its `error` text) and the `retry-button`.
 * @csspart error - Error texts; `load-more-error` when earlier consultations did not come.
 * @csspart load-more-area - The end of the past consultations: «Показать ещё» and its error.
 * @csspart sign-in-prompt - What a signed-out visitor sees, and the note for users who are not patients.
 * @csspart print-frame - The hidden frame a conclusion is printed from.
 *
 * @cssproperty --oz-color-primary - Buttons, links and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Cancel buttons and error text (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - Background of the cards (default #f2f5f8).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzConsultations extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /**
   * How many consultations one page holds (`limit` of the API, at most 200); «Показать ещё» under
   * the past ones brings the next page. Unset: the API's default (100).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  @state() private data: Loaded | undefined;
  /** The last confirmation, e.g. "Онлайн-консультация отменена." */
  @state() private statusMessage = '';

  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.consultations.loading, signInPrompt: t.consultations.signInPrompt, otherRole: t.consultations.forPatients }),
  });

  /** The cancel or withdraw being confirmed. */
  readonly #dialog = new ConfirmDialogController<PendingAction>(this, {
    selector: 'dialog[part~="cancel-dialog"]',
    confirm: (action, form) => this.#carryOut(action, form),
    // Done: the button that opened the dialog went with its card's old state (or its place now
    // holds another card), so focus stays on the section's title.
    focusAfterConfirm: () => this.focusFirst('#title'),
  });

  readonly #chats = new ChatToggles(this, (id) => this.#consultations.items.find((consultation) => consultation.id === id));
  readonly #conclusions = new ConclusionsController(this, () => this.client);

  /** The patient's consultations loaded so far, latest start first (upcoming ones are on the first page). */
  readonly #consultations = new PagedList<Consultation>(this, {
    name: 'consultations',
    keyOf: (consultation) => consultation.id,
    itemSelector: (consultation) => `#consultation-${consultation.id}-title`,
  });

  readonly #load = new LoadController(this, {
    task: async ([userId, client, limit]: readonly [string | undefined, ApiClient, number | undefined], { signal }) => {
      if (!userId) return undefined;
      const [consultations, applications, centers] = await Promise.all([
        client.consultations({ order: 'desc', limit, signal }),
        client.applications({ signal }),
        centersOf(client, signal).catch((error: unknown) => {
          if (isAbortError(error)) throw error;
          return [] as Center[]; // Without names the cards still show everything else.
        }),
      ]);
      return { userId, limit, consultations, applications: applications.items, centers };
    },
    args: () => [this.#patientId(), this.client, this.pageSize] as const,
    onComplete: (loaded) => {
      if (!loaded) {
        this.data = undefined;
        this.#consultations.reset();
        return;
      }
      const { userId, limit, consultations, applications, centers } = loaded;
      // A refresh starts over: a new consultation may fall anywhere among the pages already shown.
      this.#consultations.reset(consultations, (cursor, signal) => this.client.consultations({ order: 'desc', cursor, limit, signal }));
      this.data = { userId, applications, centers };
    },
  });

  constructor() {
    super();
    // Every kind of notification changes something here (scheduled, declined, cancelled, concluded).
    new LiveNotificationsController(this, {
      onNotification: () => void this.refresh(),
      onResume: () => void this.refresh(),
      onMessage: (message) => this.#chats.noteMessage(message, this.#patientId()),
    });
    // What the patient does in other elements on this page shows here at once.
    new PageEventsController(this, ['oz-application-submitted', 'oz-booked'], () => {
      if (this.user) void this.refresh();
    });
  }

  /** Loads everything again (the element also does this by itself on every live notification). */
  refresh(): Promise<void> {
    return this.#load.run();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Chats are the signed-in patient's: their code comes then, before one is opened.
    if (this.user) prefetchChat();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load.abort();
  }

  /**
   * The video place of every upcoming consultation that is scheduled or in progress: when the
   * room opens, then a button that opens `<oz-video-room>` on the card.
   */
  protected renderJoin(consultation: Consultation): unknown {
    return this.#video.render(this.t, consultation, this.api);
  }

  /** The video room opens in place on the card, from 15 minutes before the start. */
  readonly #video = new VideoJoinController(this);

  override render(): TemplateResult {
    const c = this.t.consultations;
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" part="title" tabindex="-1">${c.title}</h2>
        <div role="status" part="status" class="status">${this.statusMessage}</div>
        ${this.#renderBody()}
        ${renderConfirmDialog({
          t: this.t,
          locale: this.locale,
          centers: this.#currentData()?.centers ?? [],
          dialog: this.#dialog,
        })}
      </div>
    `;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const c = this.t.consultations;
    const gate = this.#gate.render();
    if (gate) return gate;

    // Composed here rather than by `#load.render`: a failed refresh (live, on a flaky line) keeps
    // the consultations already shown, with the error and its retry above them.
    const data = this.#currentData();
    const failed = this.#load.failed && !isAbortError(this.#load.error);
    const words: LoadWords = { loading: c.loading, retry: c.retry, describe: (error) => describeError(this.t, error) };
    const problem = failed ? loadError(words, this.#load.error, () => void this.refresh()) : nothing;
    if (!data) return failed ? problem : loadingLine(c.loading);
    return html`${problem}${this.#renderSections(data)}`;
  }

  #renderSections(data: Loaded): TemplateResult {
    const c = this.t.consultations;
    const list = this.#consultations;
    const { applications, upcoming, cancelled, past } = arrange(list.items, data.applications);
    if (applications.length + upcoming.length + cancelled.length + past.length === 0 && !list.hasMore) {
      return html`<p class="muted">${c.empty}</p>`;
    }
    const base = { t: this.t, locale: this.locale, centers: data.centers };
    const cardContext = {
      ...base,
      conclusions: this.#conclusions,
      renderJoin: (consultation: Consultation) => this.renderJoin(consultation),
      videoOpen: (id: string) => this.#video.isOpen(id),
      onCancel: this.#askToCancel,
      onPrint: this.#print,
      api: this.api,
      chatOpen: (id: string) => this.#chats.isOpen(id),
      hasNewMessage: (id: string) => this.#chats.hasNewMessage(id),
      onToggleChat: (id: string) => this.#chats.toggle(id),
    };
    return html`
      ${applications.length > 0
        ? this.#section(
            'applications',
            c.applicationsTitle,
            applications.map((a) => renderApplicationCard({ ...base, onWithdraw: this.#askToWithdraw }, a)),
          )
        : nothing}
      ${this.#section(
        'upcoming',
        c.upcomingTitle,
        upcoming.map((consultation) => renderConsultationCard(cardContext, consultation, true)),
        c.noUpcoming,
      )}
      ${cancelled.length > 0
        ? this.#section(
            'cancelled',
            c.cancelledTitle,
            cancelled.map((consultation) => renderConsultationCard(cardContext, consultation, false)),
          )
        : nothing}
      ${past.length > 0 || list.hasMore
        ? this.#section(
            'past',
            c.pastTitle,
            past.map((consultation) => renderConsultationCard(cardContext, consultation, false)),
            undefined,
            list.renderMore({ t: this.t, listName: c.pastTitle }),
          )
        : nothing}
    `;
  }

  #section(name: string, title: string, cards: TemplateResult[], emptyText?: string, end?: TemplateResult): TemplateResult {
    return html`
      <section part="section ${name}-section" class="section" aria-labelledby="${name}-title">
        <h3 id="${name}-title">${title}</h3>
        ${cards.length > 0
          ? html`<ul class="cards">${cards.map((card) => html`<li>${card}</li>`)}</ul>`
          : emptyText
            ? html`<p class="muted">${emptyText}</p>`
            : nothing}
        ${end ?? nothing}
      </section>
    `;
  }

  /** Only the patient's own data shows here (see #patientId). */
  protected override userKey(): string | undefined {
    return this.#patientId();
  }

  protected override userChanged(): void {
    this.#conclusions.reset();
    this.#chats.reset();
    this.statusMessage = '';
    this.#dialog.close();
  }

  /** Only patients have this section; signed in with a password of their own (else the API says 403). */
  #patientId(): string | undefined {
    const user = this.user;
    return user && user.role === 'patient' && !user.mustChangePassword ? user.id : undefined;
  }

  #currentData(): Loaded | undefined {
    const data = this.data;
    return data && data.userId === this.#patientId() ? data : undefined;
  }

  #askToCancel = (consultation: Consultation, trigger: HTMLElement): void => {
    this.statusMessage = '';
    void this.#dialog.show({ kind: 'cancel', consultation }, trigger);
  };

  #askToWithdraw = (application: Application, trigger: HTMLElement): void => {
    this.statusMessage = '';
    void this.#dialog.show({ kind: 'withdraw', application }, trigger);
  };

  /** The confirmed cancel or withdraw; a throw keeps the dialog open with the error. */
  async #carryOut(action: PendingAction, form: HTMLFormElement | null): Promise<void> {
    if (action.kind === 'cancel') {
      const reason = String((form ? new FormData(form).get('reason') : null) ?? '').trim();
      const consultation = await this.client.cancelConsultation(action.consultation.id, reason ? { reason } : {});
      this.#replaceConsultation(consultation);
      this.statusMessage = this.t.consultations.cancelled;
      this.emit('oz-consultation-cancelled', { consultation });
    } else {
      const application = await this.client.cancelApplication(action.application.id);
      this.#replaceApplication(application);
      this.statusMessage = this.t.consultations.withdrawn;
      this.emit('oz-application-cancelled', { application });
    }
    // The dialog closes as this returns, before the update is done: then on to the section title
    // (focus cannot leave an open modal dialog), and the rest is loaded fresh.
    void this.focusAfterUpdate('#title');
    void this.refresh();
  }

  #replaceConsultation(consultation: Consultation): void {
    if (this.#currentData() && this.#consultations.items.some((item) => item.id === consultation.id)) {
      this.#consultations.upsert([consultation]);
    }
  }

  #replaceApplication(application: Application): void {
    const data = this.#currentData();
    if (!data) return;
    const applications = data.applications.map((item) => (item.id === application.id ? application : item));
    this.data = { ...data, applications };
  }

  #print = (consultation: Consultation, conclusion: Conclusion): void => {
    const c = this.t.consultations;
    if (!this.shadowRoot) return;
    printConclusion(this.shadowRoot, {
      lang: this.locale,
      heading: c.printTitle(this.t.domain.outcomes[conclusion.outcome]),
      facts: [
        [c.printConsultation, formatWhen(this.locale, consultation.startsAt)],
        [c.patient, consultation.patientName],
        [c.doctor, conclusion.doctorName],
        [c.conclusionDate, formatWhen(this.locale, conclusion.createdAt)],
      ],
      sections: [
        [c.conclusionText, conclusion.text],
        ...(conclusion.recommendations ? [[c.recommendations, conclusion.recommendations] as const] : []),
      ],
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-consultations': OzConsultations;
  }
}
