import type { Notification } from '@oz/contracts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LoadController, loadError, loadingLine } from '../../controllers/load.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { bellIcon } from './bell-icon.ts';
import { formatReceived, notificationText } from './notification-text.ts';
import { styles } from './oz-notifications.styles.ts';
import { strings } from './strings.ts';

/**
 * The loaded list (its items are in the paged list), tagged with its user so another user's list is
 * never shown after a switch.
 */
interface LoadedList {
  userId: string;
  unread: number;
}

/**
 * @summary The bell of the personal account (личный кабинет): how many notifications are new,
 * and a panel with the latest ones (a consultation scheduled, an application declined, a
 * conclusion ready). New notifications appear live, without reloading the page.
 *
 * @event oz-notification - A notification arrived live. `detail: { notification }`.
 * @event oz-notification-open - The person chose to go to what a notification is about («Открыть
 *   переписку» of a new chat message). `detail: { notification }`; `<oz-consultations>` on the page
 *   opens that consultation's chat, and a page of its own may go there.
 *
 * @csspart base - The wrapper of everything.
 * @csspart button - Every button; also `bell`, `mark-read-button`, `open-chat-button`, `mark-all-button`, `close-button`, `retry-button`,
 *   `load-more` («Показать ещё» at the end of the list).
 * @csspart bell - The bell button.
 * @csspart badge - The number of new notifications on the bell.
 * @csspart panel - The panel that opens under the bell.
 * @csspart list - The list of notifications.
 * @csspart item - One notification; `unread` is added while it is new.
 * @csspart unread-mark - The "Новое" label of a new notification.
 * @csspart date - When a notification came.
 * @csspart error - An error text; `load-more-error` when the next page did not come.
 * @csspart loading - "Loading notifications…" before the list first comes.
 * @csspart load-error - The list could not be loaded: its `error` text and a `retry-button`.
 * @csspart empty - "No notifications yet".
 * @csspart load-more-area - The end of the list: the «Показать ещё» button and its error.
 * @csspart sign-in-prompt - In the panel of a visitor not signed in: where their notifications will appear.
 *
 * @cssproperty --oz-color-primary - The bell, buttons and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-danger - The badge and error text (default #b3261e).
 * @cssproperty --oz-color-surface - The panel's background (default #fff).
 * @cssproperty --oz-color-surface-alt - The background of a new notification (default #f2f5f8).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-notifications-z-index - Stacking of the panel over the host page (default 1000).
 */
export class OzNotifications extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /**
   * How many notifications one page of the list holds (`limit` of the API, at most 200); «Показать
   * ещё» brings the next page. Unset: the API's default (50).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  @state() private open = false;
  @state() private list: LoadedList | undefined;
  /** A failed "mark as read", said in the panel. */
  @state() private actionError: unknown = undefined;
  /** What the live region says; a new text is announced. */
  @state() private announcement = '';

  /** The notifications loaded so far, newest first; live ones join at the top. */
  readonly #items = new PagedList<Notification>(this, {
    name: 'notifications',
    keyOf: (notification) => notification.id,
    // Newest first; an entry that a new chat message updated comes back to the top (a stable sort keeps the API's order of ties).
    compare: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
    itemSelector: (notification) => `[data-notification-id="${notification.id}"]`,
  });

  readonly #load = new LoadController(this, {
    task: async ([userId, , limit]: readonly [string | undefined, string, number | undefined], { signal }) => {
      if (!userId) return undefined;
      return { userId, limit, page: await this.client.notifications({ limit, signal }) };
    },
    args: () => [this.#readyUserId(), this.apiOrigin, this.pageSize] as const,
    onComplete: (loaded) => {
      if (!loaded) {
        this.list = undefined;
        this.#items.reset();
        return;
      }
      const { userId, limit, page } = loaded;
      const readNext = (cursor: string, signal: AbortSignal) => this.client.notifications({ cursor, limit, signal });
      // Read again for the same person (the stream came back, all marked read): pages loaded further stay.
      if (this.#currentList()?.userId === userId) this.#items.mergeFirstPage(page, readNext);
      else this.#items.reset(page, readNext);
      this.list = { userId, unread: page.unread };
      this.actionError = undefined;
    },
  });

  /** Signed out, the panel says where notifications will appear (the restore line is never shown: see #renderBell). */
  readonly #gate = new SignInGate(this, {
    words: (t) => ({ restoring: t.notifications.loading, signInPrompt: t.notifications.signInPrompt }),
  });

  constructor() {
    super();
    new LiveNotificationsController(this, {
      onNotification: (notification) => this.#received(notification),
      // Notifications may have come while the stream was down: reload the list and the count.
      onResume: () => void this.#load.run(),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onPointerDownOutside, true);
    this.#load.abort();
  }

  /** Someone else signed in, or the user signed out: the open panel showed the previous person's list. */
  protected override userChanged(): void {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed as PropertyValues).has('open')) {
      if (this.open) {
        this.#keepPanelOnScreen();
        document.addEventListener('pointerdown', this.#onPointerDownOutside, true);
      } else {
        document.removeEventListener('pointerdown', this.#onPointerDownOutside, true);
      }
    }
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale} @keydown=${this.#onKeyDown}>
        ${this.#renderBell()}
        <div role="status" class="visually-hidden">${this.announcement}</div>
      </div>
    `;
  }

  /**
   * The bell, and its panel: the notifications, or, for a visitor not signed in yet, where they
   * will appear. Nothing while a stored session is checked: a header must not show a bell that
   * changes a moment later.
   */
  #renderBell(): TemplateResult | typeof nothing {
    if (!this.#readyUserId() && this.session.status === 'restoring') return nothing;
    const t = this.t.notifications;
    const list = this.#currentList();
    const unread = list?.unread ?? 0;
    return html`
      <button
        type="button"
        part="button bell"
        class="bell"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-label=${list ? t.bellLabel(unread) : t.bell}
        @click=${this.#toggle}
      >
        ${bellIcon}<span class="bell-word">${t.bell}</span>
        ${unread > 0
          ? html`<span part="badge" class="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>`
          : nothing}
      </button>
      <div id="panel" part="panel" class="panel" role="region" aria-labelledby="panel-title" ?hidden=${!this.open}>
        <div class="panel-head">
          <h2 id="panel-title" tabindex="-1">${t.panelTitle}</h2>
          <button type="button" part="button close-button" class="close" @click=${this.#closeAndFocusBell}>
            ${t.close}
          </button>
        </div>
        ${this.#gate.render() ?? this.#renderSignedIn(list, unread)}
      </div>
    `;
  }

  #renderSignedIn(list: LoadedList | undefined, unread: number): TemplateResult {
    const t = this.t.notifications;
    return html`
      ${unread > 0 && list
        ? html`<button type="button" part="button mark-all-button" class="mark-all" @click=${this.#markAllRead}>
            ${t.markAllRead}
          </button>`
        : nothing}
      <div role="alert" part="error" class="error">${this.actionError === undefined ? nothing : describeError(this.t, this.actionError)}</div>
      ${this.#renderContent(list)}
    `;
  }

  #renderContent(list: LoadedList | undefined): TemplateResult {
    const t = this.t.notifications;
    // Composed here rather than by #load.render: a failed re-read keeps the list on screen.
    if (!list) {
      const words = { loading: t.loading, retry: t.retry, describe: (error: unknown) => describeError(this.t, error) };
      return this.#load.failed ? loadError(words, this.#load.error, () => void this.#load.run()) : loadingLine(t.loading);
    }
    const items = this.#items.items;
    if (items.length === 0 && !this.#items.hasMore) return html`<p part="empty" class="muted">${t.empty}</p>`;
    return html`
      <ul part="list" class="list">${repeat(items, (item) => item.id, (item) => this.#renderItem(item))}</ul>
      ${this.#items.renderMore({ t: this.t, listName: t.panelTitle })}
    `;
  }

  #renderItem(notification: Notification): TemplateResult {
    const t = this.t.notifications;
    const unread = notification.readAt === null;
    const textId = `text-${notification.id}`;
    return html`
      <li
        part=${unread ? 'item unread' : 'item'}
        class=${unread ? 'item unread' : 'item'}
        data-notification-id=${notification.id}
        @click=${unread ? () => void this.#markRead(notification) : nothing}
      >
        <p class="item-text" id=${textId}>
          ${unread ? html`<strong part="unread-mark" class="unread-mark">${t.unreadMark}</strong> ` : nothing}
          ${notificationText(this.t, this.locale, notification)}
        </p>
        <p part="date" class="date">
          <time datetime=${notification.createdAt}>${formatReceived(this.locale, notification.createdAt)}</time>
        </p>
        ${notification.kind === 'message_received' && notification.data.consultationId
          ? html`<button
              type="button"
              part="button open-chat-button"
              aria-describedby=${textId}
              @click=${(event: Event) => {
                event.stopPropagation();
                void this.#openChat(notification);
              }}
            >
              ${t.openChat}
            </button>`
          : nothing}
        ${unread
          ? html`<button
              type="button"
              part="button mark-read-button"
              aria-describedby=${textId}
              @click=${(event: Event) => {
                event.stopPropagation();
                void this.#markRead(notification);
              }}
            >
              ${t.markRead}
            </button>`
          : nothing}
      </li>
    `;
  }

  /** Signed in with a password of one's own: the API refuses everything else (403). */
  #readyUserId(): string | undefined {
    const user = this.user;
    return user && !user.mustChangePassword ? user.id : undefined;
  }

  #currentList(): LoadedList | undefined {
    const list = this.list;
    return list && list.userId === this.#readyUserId() ? list : undefined;
  }

  #received(notification: Notification): void {
    const list = this.#currentList();
    const shown = list ? this.#items.items.find((item) => item.id === notification.id) : undefined;
    if (list && shown) {
      // The same entry again: one more chat message (it comes to the top), or read where its chat was opened.
      const change = (notification.readAt === null ? 1 : 0) - (shown.readAt === null ? 1 : 0);
      this.#items.upsert([notification]);
      this.list = { ...list, unread: Math.max(0, list.unread + change) };
    } else if (list && notification.readAt === null) {
      this.#items.upsert([notification], 'start');
      this.list = { ...list, unread: list.unread + 1 };
    } else if (!list) {
      // The first load may have started before this one existed.
      void this.#load.run();
    }
    // Read elsewhere: nothing new to say.
    if (notification.readAt !== null) return;
    this.#announce(this.t.notifications.arrived(notificationText(this.t, this.locale, notification)));
    this.emit('oz-notification', { notification });
  }


  async #announce(text: string): Promise<void> {
    // Clear first: the same words twice in a row would otherwise not be spoken again.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  /** To the consultation's chat (whoever on the page opens it), the panel closed; the entry is read. */
  async #openChat(notification: Notification): Promise<void> {
    this.open = false;
    this.emit('oz-notification-open', { notification });
    await this.#markRead(notification);
  }

  /** Marks one read at once on screen; puts it back if the API refuses. */
  async #markRead(notification: Notification): Promise<void> {
    const list = this.#currentList();
    if (!list || notification.readAt !== null) return;
    const hadFocus = this.shadowRoot?.activeElement?.getAttribute('aria-describedby') === `text-${notification.id}`;
    this.actionError = undefined;
    this.#replace(notification.id, { ...notification, readAt: new Date().toISOString() }, -1);
    if (hadFocus) await this.#focusAfterMarking();
    try {
      const updated = await this.client.markNotificationRead(notification.id);
      this.#replace(notification.id, updated, 0);
    } catch (error) {
      this.#replace(notification.id, notification, +1);
      this.actionError = error;
    }
  }

  #markAllRead = async (): Promise<void> => {
    const list = this.#currentList();
    if (!list) return;
    const unread = this.#items.items.filter((item) => item.readAt === null);
    const now = new Date().toISOString();
    this.actionError = undefined;
    this.#items.upsert(unread.map((item) => ({ ...item, readAt: now })));
    this.list = { ...list, unread: 0 };
    await this.focusAfterUpdate('#panel-title');
    // The API marks one at a time; the list then tells the true count (older ones may remain).
    const results = await Promise.allSettled(unread.map((item) => this.client.markNotificationRead(item.id)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    await this.#load.run();
    if (failed) this.actionError = failed.reason;
  };

  #replace(id: string, notification: Notification, unreadChange: number): void {
    const list = this.#currentList();
    if (!list || !this.#items.items.some((item) => item.id === id)) return;
    this.#items.upsert([notification]);
    this.list = { ...list, unread: Math.max(0, list.unread + unreadChange) };
  }

  /** The pressed button is gone: go to the next new notification's button, else the panel title. */
  #focusAfterMarking(): Promise<void> {
    return this.focusAfterUpdate('button[part~="mark-read-button"]', '#panel-title');
  }

  #toggle = (): void => {
    this.open = !this.open;
  };

  #closeAndFocusBell = async (): Promise<void> => {
    this.open = false;
    await this.focusAfterUpdate('.bell');
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      void this.#closeAndFocusBell();
    }
  };

  /** A tap anywhere else on the page closes the panel, as people expect of a drop-down. */
  #onPointerDownOutside = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.open = false;
  };

  /** The panel hangs from the bell's end edge; on a phone it must not run off the screen's other side. */
  #keepPanelOnScreen(): void {
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    if (!panel) return;
    panel.style.removeProperty('right');
    const margin = 8;
    const { left } = panel.getBoundingClientRect();
    if (left < margin) panel.style.right = `${left - margin}px`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-notifications': OzNotifications;
  }
}
