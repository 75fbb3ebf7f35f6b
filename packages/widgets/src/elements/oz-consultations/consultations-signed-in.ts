import type { Application, Center, Conclusion, Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import { centersOf } from '../../controllers/centers-catalog.ts';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { LoadController, loadError, loadingLine, type LoadWords } from '../../controllers/load.ts';
import { PageEventsController } from '../../controllers/page-events.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { describeError } from '../../internal/describe-error.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { VideoJoinController } from '../../internal/video-join.ts';
import { prefetchChat } from '../oz-chat/chat-loader.ts';
import { renderApplicationCard } from './application-card.ts';
import { arrange, formatWhen } from './arrange.ts';
import { ChatToggles } from './chat-toggles.ts';
import { ConclusionsController } from './conclusions.ts';
import { renderConfirmDialog, type PendingAction } from './confirm-dialog.ts';
import { renderConsultationCard } from './consultation-card.ts';
import { printConclusion } from './print-conclusion.ts';

/** What the view needs of its <oz-consultations> besides the common part. */
export interface ConsultationsHost extends ViewHost {
  readonly api: () => string | undefined;
  readonly pageSize: () => number | undefined;
  /** The signed-in patient with a password of their own; undefined otherwise. */
  patientId(): string | undefined;
  /** The confirmation line above the sections. */
  setStatus(text: string): void;
  renderJoin(consultation: Consultation): unknown;
}
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
 * The signed-in patient's side of <oz-consultations> (a chunk a visitor who is not signed in never
 * downloads): their applications and consultations, cancelling and withdrawing, conclusions,
 * chats and the video room, kept fresh by live notifications.
 */
export class ConsultationsView {
  readonly #host: ConsultationsHost;
  #data: Loaded | undefined;

  /** The cancel or withdraw being confirmed. */
  readonly #dialog: ConfirmDialogController<PendingAction>;
  readonly #chats: ChatToggles;
  readonly #conclusions: ConclusionsController;
  /** The patient's consultations loaded so far, latest start first (upcoming ones are on the first page). */
  readonly #consultations: PagedList<Consultation>;
  readonly #load;
  /** The video room opens in place on the card, from 15 minutes before the start. */
  readonly #video: VideoJoinController;

  constructor(host: ConsultationsHost) {
    this.#host = host;
    const element = host.element;
    this.#dialog = new ConfirmDialogController<PendingAction>(element, {
      selector: 'dialog[part~="cancel-dialog"]',
      confirm: (action, form) => this.#carryOut(action, form),
      // Done: the button that opened the dialog went with its card's old state (or its place now
      // holds another card), so focus stays on the section's title.
      focusAfterConfirm: () => host.focusFirst('#title'),
    });
    this.#chats = new ChatToggles(element, (id) => this.#consultations.items.find((consultation) => consultation.id === id));
    this.#conclusions = new ConclusionsController(element, () => host.client);
    this.#consultations = new PagedList<Consultation>(element, {
      name: 'consultations',
      keyOf: (consultation) => consultation.id,
      itemSelector: (consultation) => `#consultation-${consultation.id}-title`,
    });
    this.#load = new LoadController(element, {
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
      args: () => [host.patientId(), host.client, host.pageSize()] as const,
      onComplete: (loaded) => {
        if (!loaded) {
          this.#data = undefined;
          this.#consultations.reset();
          element.requestUpdate();
          return;
        }
        const { userId, limit, consultations, applications, centers } = loaded;
        // A refresh starts over: a new consultation may fall anywhere among the pages already shown.
        this.#consultations.reset(consultations, (cursor, signal) => host.client.consultations({ order: 'desc', cursor, limit, signal }));
        this.#data = { userId, applications, centers };
        element.requestUpdate();
      },
    });
    this.#video = new VideoJoinController(element);
    // Every kind of notification changes something here (scheduled, declined, cancelled, concluded).
    new LiveNotificationsController(element, {
      onNotification: () => void this.refresh(),
      onResume: () => void this.refresh(),
      onMessage: (message) => this.#chats.noteMessage(message, host.patientId()),
    });
    // What the patient does in other elements on this page shows here at once.
    new PageEventsController(element, ['oz-application-submitted', 'oz-booked'], () => {
      if (host.patientId()) void this.refresh();
    });
    // Chats are the signed-in patient's: their code comes now, before one is opened.
    prefetchChat();
  }

  /** Loads everything again. */
  refresh(): Promise<void> {
    return this.#load.run();
  }

  abort(): void {
    this.#load.abort();
  }

  /** Another person signed in, or the patient signed out: nothing of theirs stays. */
  reset(): void {
    this.#conclusions.reset();
    this.#chats.reset();
    this.#dialog.close();
  }

  renderJoin(consultation: Consultation): unknown {
    return this.#video.render(this.#host.t, consultation, this.#host.api());
  }

  render(): TemplateResult {
    const { t, locale } = this.#host;
    return html`
      ${this.#renderBody()}
      ${renderConfirmDialog({ t, locale, centers: this.#currentData()?.centers ?? [], dialog: this.#dialog })}
    `;
  }

  #renderBody(): TemplateResult {
    const { t } = this.#host;
    const c = t.consultations;
    // Composed here rather than by `#load.render`: a failed refresh (live, on a flaky line) keeps
    // the consultations already shown, with the error and its retry above them.
    const data = this.#currentData();
    const failed = this.#load.failed && !isAbortError(this.#load.error);
    const words: LoadWords = { loading: c.loading, retry: c.retry, describe: (error) => describeError(t, error) };
    const problem = failed ? loadError(words, this.#load.error, () => void this.refresh()) : nothing;
    if (!data) return failed ? html`${problem}` : loadingLine(c.loading);
    return html`${problem}${this.#renderSections(data)}`;
  }

  #renderSections(data: Loaded): TemplateResult {
    const { t, locale } = this.#host;
    const api = this.#host.api();
    const c = t.consultations;
    const list = this.#consultations;
    const { applications, upcoming, cancelled, past } = arrange(list.items, data.applications);
    if (applications.length + upcoming.length + cancelled.length + past.length === 0 && !list.hasMore) {
      return html`<p class="muted">${c.empty}</p>`;
    }
    const base = { t, locale, centers: data.centers };
    const cardContext = {
      ...base,
      conclusions: this.#conclusions,
      renderJoin: (consultation: Consultation) => this.#host.renderJoin(consultation),
      videoOpen: (id: string) => this.#video.isOpen(id),
      onCancel: this.#askToCancel,
      onPrint: this.#print,
      api,
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
            list.renderMore({ t, listName: c.pastTitle }),
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

  #currentData(): Loaded | undefined {
    const data = this.#data;
    return data && data.userId === this.#host.patientId() ? data : undefined;
  }

  #askToCancel = (consultation: Consultation, trigger: HTMLElement): void => {
    this.#host.setStatus('');
    void this.#dialog.show({ kind: 'cancel', consultation }, trigger);
  };

  #askToWithdraw = (application: Application, trigger: HTMLElement): void => {
    this.#host.setStatus('');
    void this.#dialog.show({ kind: 'withdraw', application }, trigger);
  };

  /** The confirmed cancel or withdraw; a throw keeps the dialog open with the error. */
  async #carryOut(action: PendingAction, form: HTMLFormElement | null): Promise<void> {
    const host = this.#host;
    if (action.kind === 'cancel') {
      const reason = String((form ? new FormData(form).get('reason') : null) ?? '').trim();
      const consultation = await host.client.cancelConsultation(action.consultation.id, reason ? { reason } : {});
      this.#replaceConsultation(consultation);
      host.setStatus(host.t.consultations.cancelled);
      host.emit('oz-consultation-cancelled', { consultation });
    } else {
      const application = await host.client.cancelApplication(action.application.id);
      this.#replaceApplication(application);
      host.setStatus(host.t.consultations.withdrawn);
      host.emit('oz-application-cancelled', { application });
    }
    // The dialog closes as this returns, before the update is done: then on to the section title
    // (focus cannot leave an open modal dialog), and the rest is loaded fresh.
    void host.focusAfterUpdate('#title');
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
    this.#data = { ...data, applications };
    this.#host.element.requestUpdate();
  }

  #print = (consultation: Consultation, conclusion: Conclusion): void => {
    const { t, locale, element } = this.#host;
    const c = t.consultations;
    if (!element.shadowRoot) return;
    printConclusion(element.shadowRoot, {
      lang: locale,
      heading: c.printTitle(t.domain.outcomes[conclusion.outcome]),
      facts: [
        [c.printConsultation, formatWhen(locale, consultation.startsAt)],
        [c.patient, consultation.patientName],
        [c.doctor, conclusion.doctorName],
        [c.conclusionDate, formatWhen(locale, conclusion.createdAt)],
      ],
      sections: [
        [c.conclusionText, conclusion.text],
        ...(conclusion.recommendations ? [[c.recommendations, conclusion.recommendations] as const] : []),
      ],
    });
  };
}
