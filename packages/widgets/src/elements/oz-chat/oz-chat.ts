import type { ChatMessage, Consultation } from '@oz/contracts';
import { MESSAGE_MAX } from '@oz/contracts/constants';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, isAbortError } from '../../api/errors.ts';
import { listMessages, markMessagesRead, postMessage } from '../../api/messages.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { LoadController, loadError, loadingLine } from '../../controllers/load.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { renderComposer } from './composer.ts';
import { chatChecks } from './load-chat-checks.ts';
import { compareMessages } from './message-groups.ts';
import { authorLabel, renderMessageList } from './message-list.ts';
import { styles } from './oz-chat.styles.ts';
import { strings } from './strings.ts';

/** A long message is cut in the spoken announcement; the whole of it is on screen. */
const ANNOUNCE_MAX = 300;

/**
 * What was loaded (the messages are in the paged list), tagged with the viewer and the consultation
 * so nothing stale is ever shown.
 */
interface Loaded {
  key: string;
  consultation: Consultation;
}

interface Draft {
  consultationId: string;
  text: string;
}

/** A send refused with 409: the consultation was cancelled meanwhile and its chat closed. */
class ChatClosedError extends Error {
  override readonly name = 'ChatClosedError';
}

/**
 * @summary The correspondence of a patient and a doctor about one consultation («Переписка»),
 * e.g. questions to the duty doctor before the consultation. Only the consultation's patient and
 * doctor see it. New messages arrive live over the page's one notification stream and are
 * announced to screen readers; own messages are marked «Вы». Enter makes a new line, the
 * «Отправить» button (or Ctrl+Enter) sends. A cancelled consultation's chat is read-only.
 * A long chat opens at its latest messages; «Показать более ранние сообщения» at the top brings
 * the earlier ones without moving what the reader is looking at. What the chat shows counts as
 * read: the other side's messages stop being «new» (`unreadMessages` of the consultation, and the
 * bell's entry) once the chat is on screen in a visible tab.
 *
 * @event oz-message-sent - The person sent a message here. `detail: { message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading «Переписка с врачом» / «Переписка с пациентом».
 * @csspart intro - Who sees the chat.
 * @csspart log - The scrollable conversation; `messages` the list inside it, `day` a day line,
 *   `group` the messages of one author in a row (also `own` or `theirs`), `author` its author line
 *   («Вы» for one's own), `message` each message with its `text` and `time`.
 * @csspart messages - The list of messages inside the conversation.
 * @csspart day - A day line between messages.
 * @csspart group - The messages of one author in a row; also `own` or `theirs`.
 * @csspart own - A group of one's own messages (also `group`).
 * @csspart theirs - A group of the other side's messages (also `group`).
 * @csspart author - A group's author line («Вы» for one's own).
 * @csspart message - Each message.
 * @csspart text - A message's text.
 * @csspart time - A message's time.
 * @csspart empty - "No messages yet".
 * @csspart closed-note - The note that a cancelled consultation's chat is closed.
 * @csspart form - The message form; `label`, `hint`, `textarea` and `counter` (also `counter-over`
 *   past the limit) inside.
 * @csspart counter - How many characters are left.
 * @csspart counter-over - The counter past the limit (also `counter`).
 * @csspart label - The message box's label.
 * @csspart hint - The help under the label.
 * @csspart textarea - The message box.
 * @csspart button - Every button; also `send-button`, `retry-button`, `load-more` (earlier messages).
 * @csspart retry-button - Tries a failed load again.
 * @csspart load-more - «Показать более ранние сообщения».
 * @csspart send-button - «Отправить».
 * @csspart loading - "Loading the chat…" before it first comes.
 * @csspart load-error - The chat cannot be read: its `error` text and a `retry-button`.
 * @csspart error - Error texts; `field-error` under the message box, `form-error` for a failed send,
 *   `load-more-error` when earlier messages did not come. The text of a failed load also carries
 *   `load-error` (its old name, kept for one release); so does «not found», which has no retry.
 * @csspart load-more-error - Why earlier messages did not come.
 * @csspart field-error - The error under the message box.
 * @csspart form-error - Why a message was not sent.
 * @csspart load-more-area - The top of the conversation: the button for earlier messages and its error.
 * @csspart sign-in-prompt - What a signed-out visitor sees (also `prompt`, its old name, for one release).
 * @csspart prompt - The old name of `sign-in-prompt`, for one release.
 * @csspart announcer - The hidden live region that tells a screen reader of new messages.
 *
 * @cssproperty --oz-color-primary - Buttons, own messages' edge and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors and the counter past the limit (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - The other side's messages (default #f2f5f8).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzChat extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, loadMoreStyles, styles];

  /** The id of the consultation whose chat this is. */
  @property({ reflect: true }) consultation = '';

  /**
   * The level of the chat's heading (2–6), to fit the page's outline: e.g. 5 inside a card whose
   * title is an h4.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /**
   * How many messages one page holds (`limit` of the API, at most 200): the chat opens with the
   * latest page, and each «Показать более ранние сообщения» brings one more. Unset: the API's
   * default (100).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  @state() private loaded: Loaded | undefined;
  @state() private draft = '';
  @state() private announcement = '';

  #shownKey: string | undefined;
  /** The first and the last message drawn: which end of the conversation grew. */
  #shownEnds: { first?: string | undefined; last?: string | undefined } = {};
  /** Where the reader was, counted from the bottom, while earlier messages go in above. */
  #keepFromBottom: number | undefined;
  #statusRequest: AbortController | undefined;
  /** Messages came while the tab was hidden: read once it is shown. */
  #readWhenVisible = false;

  /** The messages loaded so far, oldest first; earlier pages go in above, live ones below. */
  readonly #messages = new PagedList<ChatMessage>(this, {
    name: 'messages',
    keyOf: (message) => message.id,
    pagesGo: 'before',
    compare: compareMessages,
    itemSelector: (message) => `[data-message-id="${message.id}"]`,
  });

  readonly #load = new LoadController(this, {
    args: () => [this.#viewerKey(), this.consultation, this.pageSize] as const,
    task: async ([viewer, id, limit], { signal }) => {
      if (!viewer || !id) return undefined;
      const client = this.client;
      const [consultation, page] = await Promise.all([client.consultation(id, signal), listMessages(client, id, { limit, signal })]);
      return { key: `${viewer} ${id}`, consultation, page, limit };
    },
    onComplete: (loaded) => {
      if (!loaded) {
        this.loaded = undefined;
        this.#messages.reset();
        return;
      }
      const { key, consultation, page, limit } = loaded;
      const readNext = (cursor: string, signal: AbortSignal) => listMessages(this.client, consultation.id, { cursor, limit, signal });
      // Read again (the stream came back): earlier pages already shown and messages that came live stay.
      if (this.#current()?.key === key) this.#messages.mergeFirstPage(page, readNext);
      else this.#messages.reset(page, readNext);
      this.loaded = { key, consultation };
      if (consultation.unreadMessages > 0) this.#markRead();
    },
  });

  readonly #form = new FormSubmit<Draft, ChatMessage>(this, {
    fields: ['text'],
    precheck: ({ text }) => this.#checks.check((checks) => checks.checkMessage(text)),
    send: async ({ consultationId, text }, signal) => {
      try {
        return await postMessage(this.client, consultationId, text.trim(), signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          void this.#reloadConsultation();
          throw new ChatClosedError('closed', { cause: error });
        }
        throw error;
      }
    },
    onSuccess: (message) => this.#sent(message),
  });

  /** The message pre-check, in its own chunk loaded while the person reads. */
  readonly #checks = new LazyChecksController(this, () => chatChecks.load());

  readonly #gate = new SignInGate(this, {
    words: (t) => ({ restoring: t.chat.loading, signInPrompt: t.chat.signInPrompt }),
    extraParts: 'prompt',
  });

  constructor() {
    super();
    new LiveNotificationsController(this, {
      onMessage: (message) => this.#onLiveMessage(message),
      // A cancellation closes the chat: read the consultation's status again.
      onNotification: (notification) => {
        // Its own «new message» entry changes nothing in the consultation.
        if (notification.kind === 'message_received') return;
        if (notification.data.consultationId && notification.data.consultationId === this.#current()?.consultation.id) {
          void this.#reloadConsultation();
        }
      },
      // Messages sent before the stream (re)opened came to nobody: read the list again.
      onOpen: () => {
        if (this.#viewerKey() && this.consultation) void this.#load.run();
      },
    });
  }

  /** Loads the consultation and its messages again. */
  refresh(): Promise<void> {
    return this.#load.run();
  }

  /** Moves focus to the chat's heading, e.g. when a host opens a consultation at its chat. */
  focusTitle(): Promise<void> {
    return this.focusAfterUpdate('#chat-title');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#load.abort();
    this.#statusRequest?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = `${this.#viewerKey() ?? ''} ${this.consultation}`;
    if (key !== this.#shownKey) {
      // Another person or another consultation: no draft, error or announcement may carry over.
      this.#shownKey = key;
      this.draft = '';
      this.announcement = '';
      this.#form.reset();
    }
    const ends = this.#ends();
    const shown = this.#shownEnds;
    if (ends.first !== shown.first && ends.last === shown.last && shown.last !== undefined) {
      // Earlier messages are about to go in above: measure before the render moves anything.
      const log = this.renderRoot?.querySelector<HTMLElement>('.log');
      if (log) this.#keepFromBottom = log.scrollHeight - log.scrollTop;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const ends = this.#ends();
    const shown = this.#shownEnds;
    if (ends.first === shown.first && ends.last === shown.last) return;
    this.#shownEnds = ends;
    const keep = this.#keepFromBottom;
    this.#keepFromBottom = undefined;
    const log = this.renderRoot.querySelector<HTMLElement>('.log');
    if (!log) return;
    if (keep !== undefined) {
      // Earlier messages went in above: what the reader was looking at stays where it was.
      log.scrollTop = log.scrollHeight - keep;
    } else if (ends.last !== shown.last) {
      // The newest message is at the bottom: keep it in view, as every messenger does.
      log.scrollTop = log.scrollHeight;
    }
  }

  /** The ids of the first and last message to show. */
  #ends(): { first?: string | undefined; last?: string | undefined } {
    const messages = this.#current() ? this.#messages.items : [];
    return { first: messages[0]?.id, last: messages[messages.length - 1]?.id };
  }

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    const title = this.user?.role === 'doctor' ? this.t.chat.titleWithPatient : this.t.chat.titleWithDoctor;
    return html`
      <section part="base" class="oz-base chat" lang=${this.locale} aria-labelledby="chat-title">
        <div role="heading" aria-level=${level} id="chat-title" part="title" class="title" tabindex="-1">${title}</div>
        ${this.#renderBody()}
        <div role="status" part="announcer" class="visually-hidden">${this.announcement}</div>
      </section>
    `;
  }

  #renderBody(): unknown {
    const c = this.t.chat;
    const gate = this.#gate.render();
    const user = this.#gate.user;
    if (gate || !user) return gate;
    if (!this.consultation) return html`<p class="note">${c.noConsultation}</p>`;
    const current = this.#current();
    // Composed here rather than by #load.render: a failed re-read keeps the conversation on screen.
    if (!current) return this.#load.failed && !isAbortError(this.#load.error) ? this.#renderLoadError() : loadingLine(c.loading);
    const closed = current.consultation.status === 'cancelled';
    const messages = this.#messages.items;
    return html`
      <p part="intro" class="note">${user.role === 'doctor' ? c.introDoctor : c.intro}</p>
      <div class="log" part="log" tabindex="0" role="region" aria-label=${c.messagesLabel}>
        ${this.#messages.renderMore({ t: this.t, label: c.showEarlier })}
        ${messages.length === 0
          ? html`<p part="empty" class="note empty">${c.empty}</p>`
          : renderMessageList({ t: this.t, locale: this.locale, messages, ownId: user.id, now: Date.now() })}
      </div>
      ${closed ? this.#renderClosed() : this.#renderComposer(current)}
    `;
  }

  #renderLoadError(): TemplateResult {
    const error = this.#load.error;
    // 404 is the API's answer to anyone but the consultation's patient and doctor: no point retrying.
    if (error instanceof ApiError && error.status === 404) {
      return html`<p role="alert" part="error load-error" class="form-error">${this.t.chat.notFound}</p>`;
    }
    const words = { loading: this.t.chat.loading, retry: this.t.chat.retry, describe: (e: unknown) => describeError(this.t, e), errorParts: 'load-error' };
    return loadError(words, error, () => void this.refresh());
  }

  #renderClosed(): TemplateResult {
    const refused = this.#form.formError instanceof ChatClosedError;
    return html`
      <p part="closed-note" class="closed-note">${this.t.chat.closed}</p>
      <div role="alert" part="error form-error" class="form-error">${refused ? this.t.chat.closedNow : nothing}</div>
    `;
  }

  #renderComposer(current: Loaded): TemplateResult {
    const error = this.#form.formError;
    return renderComposer({
      t: this.t,
      form: this.#form,
      draft: this.draft,
      // From the zod-free constants: the counter never waits for the checks chunk.
      max: MESSAGE_MAX,
      formError: error === undefined ? undefined : error instanceof ChatClosedError ? this.t.chat.closedNow : describeError(this.t, error),
      onInput: (event) => {
        this.draft = (event.target as HTMLTextAreaElement).value;
        // A problem shown for the last attempt no longer applies to what is typed now.
        if (this.#form.fieldErrors.length > 0 || this.#form.formError !== undefined) this.#form.reset();
      },
      onKeyDown: (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          (event.target as HTMLTextAreaElement).form?.requestSubmit();
        }
      },
      onSubmit: (event) => {
        event.preventDefault();
        this.announcement = '';
        void this.#form.submit({ consultationId: current.consultation.id, text: this.draft });
      },
    });
  }

  /** Who reads the chat (API origin + user id); none for a visitor or before a one-time password is replaced. */
  #viewerKey(): string | undefined {
    const user = this.user;
    return user && !user.mustChangePassword ? `${this.apiOrigin} ${user.id}` : undefined;
  }

  #current(): Loaded | undefined {
    const loaded = this.loaded;
    const viewer = this.#viewerKey();
    return loaded && viewer && loaded.key === `${viewer} ${this.consultation}` ? loaded : undefined;
  }

  #onLiveMessage(message: ChatMessage): void {
    const current = this.#current();
    if (!current || message.consultationId !== current.consultation.id) return;
    const known = this.#messages.items.some((item) => item.id === message.id);
    this.#messages.upsert([message], 'end');
    if (known || message.authorId === this.user?.id) return;
    this.#markRead();
    const author = authorLabel(this.t, { own: false, authorName: message.authorName, authorRole: message.authorRole });
    const text = message.text.length > ANNOUNCE_MAX ? `${message.text.slice(0, ANNOUNCE_MAX)}…` : message.text;
    this.announcement = this.t.chat.incoming(author, text);
  }

  /**
   * The other side's messages are on screen: the server counts them read. In a hidden tab they
   * are not seen yet, so that waits until it is shown. A failure leaves them unread, to be read
   * the next time the chat opens.
   */
  #markRead(): void {
    const current = this.#current();
    if (!current) return;
    if (document.visibilityState === 'hidden') {
      this.#readWhenVisible = true;
      return;
    }
    this.#readWhenVisible = false;
    markMessagesRead(this.client, current.consultation.id).catch(() => undefined);
  }

  #onVisibilityChange = (): void => {
    if (this.#readWhenVisible && document.visibilityState === 'visible') this.#markRead();
  };

  async #sent(message: ChatMessage): Promise<void> {
    const current = this.#current();
    if (current) this.#messages.upsert([message], 'end');
    this.draft = '';
    this.announcement = this.t.chat.sent;
    this.emit('oz-message-sent', { message });
    await this.updateComplete;
    // The button was disabled while sending, which drops focus: the next message goes in the box.
    this.renderRoot.querySelector<HTMLTextAreaElement>('#chat-text')?.focus();
  }

  async #reloadConsultation(): Promise<void> {
    const current = this.#current();
    if (!current) return;
    this.#statusRequest?.abort();
    const request = new AbortController();
    this.#statusRequest = request;
    try {
      const consultation = await this.client.consultation(current.consultation.id, request.signal);
      const now = this.#current();
      if (now?.key === current.key) this.loaded = { ...now, consultation };
    } catch {
      // The chat stays as it was; the next send or reload says what is wrong.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-chat': OzChat;
  }
}
