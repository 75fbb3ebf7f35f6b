import type { Notification } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LoadController, loadError, loadingLine } from '../../controllers/load.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { describeError } from '../../internal/describe-error.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { viewState } from '../../internal/view-state.ts';
import { formatReceived, notificationText } from './notification-text.ts';

/** What the view needs of its <oz-notifications> besides the common part. */
export interface NotificationsHost extends ViewHost {
  readonly pageSize: () => number | undefined;
  /** Says `text` in the element's live region. */
  announce(text: string): void;
  /** Closes the panel. */
  close(): void;
}
/**
 * The loaded list (its items are in the paged list), tagged with its user so another user's list is
 * never shown after a switch.
 */
interface LoadedList {
  userId: string;
  unread: number;
}

interface NotificationsState {
  list: LoadedList | undefined;
  /** A failed "mark as read", said in the panel. */
  actionError: unknown;
}

/**
 * The signed-in person's side of <oz-notifications> (a chunk a visitor who is not signed in never
 * downloads): the list, the unread count, live arrivals and marking as read.
 */
export class NotificationsView {
  readonly #host: NotificationsHost;
  readonly #state: NotificationsState;
  /** The notifications loaded so far, newest first; live ones join at the top. */
  readonly #items: PagedList<Notification>;
  readonly #load;

  constructor(host: NotificationsHost) {
    this.#host = host;
    const element = host.element;
    this.#state = viewState<NotificationsState>(element, { list: undefined, actionError: undefined });
    this.#items = new PagedList<Notification>(element, {
      name: 'notifications',
      keyOf: (notification) => notification.id,
      // Newest first; an entry that a new chat message updated comes back to the top (a stable sort keeps the API's order of ties).
      compare: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
      itemSelector: (notification) => `[data-notification-id="${notification.id}"]`,
    });
    this.#load = new LoadController(element, {
      task: async ([userId, , limit]: readonly [string | undefined, string, number | undefined], { signal }) => {
        if (!userId) return undefined;
        return { userId, limit, page: await host.client.notifications({ limit, signal }) };
      },
      args: () => [this.#readyUserId(), element.apiOrigin, host.pageSize()] as const,
      onComplete: (loaded) => {
        if (!loaded) {
          this.#state.list = undefined;
          this.#items.reset();
          return;
        }
        const { userId, limit, page } = loaded;
        const readNext = (cursor: string, signal: AbortSignal) => host.client.notifications({ cursor, limit, signal });
        // Read again for the same person (the stream came back, all marked read): pages loaded further stay.
        if (this.#currentList()?.userId === userId) this.#items.mergeFirstPage(page, readNext);
        else this.#items.reset(page, readNext);
        this.#state.list = { userId, unread: page.unread };
        this.#state.actionError = undefined;
      },
    });
    new LiveNotificationsController(element, {
      onNotification: (notification) => this.#received(notification),
      // Notifications may have come while the stream was down: reload the list and the count.
      onResume: () => void this.#load.run(),
    });
  }

  abort(): void {
    this.#load.abort();
  }

  /** The signed-in person's unread count, once their list is here. */
  get unread(): number | undefined {
    return this.#currentList()?.unread;
  }

  render(): TemplateResult {
    const list = this.#currentList();
    return this.#renderSignedIn(list, list?.unread ?? 0);
  }

  #renderSignedIn(list: LoadedList | undefined, unread: number): TemplateResult {
    const t = this.#host.t.notifications;
    const { actionError } = this.#state;
    return html`
      ${unread > 0 && list
        ? html`<button type="button" part="button mark-all-button" class="mark-all" @click=${this.#markAllRead}>
            ${t.markAllRead}
          </button>`
        : nothing}
      <div role="alert" part="error" class="error">${actionError === undefined ? nothing : describeError(this.#host.t, actionError)}</div>
      ${this.#renderContent(list)}
    `;
  }

  #renderContent(list: LoadedList | undefined): TemplateResult {
    const t = this.#host.t.notifications;
    // Composed here rather than by #load.render: a failed re-read keeps the list on screen.
    if (!list) {
      const words = { loading: t.loading, retry: t.retry, describe: (error: unknown) => describeError(this.#host.t, error) };
      return this.#load.failed ? loadError(words, this.#load.error, () => void this.#load.run()) : loadingLine(t.loading);
    }
    const items = this.#items.items;
    if (items.length === 0 && !this.#items.hasMore) return html`<p part="empty" class="muted">${t.empty}</p>`;
    return html`
      <ul part="list" class="list">${repeat(items, (item) => item.id, (item) => this.#renderItem(item))}</ul>
      ${this.#items.renderMore({ t: this.#host.t, listName: t.panelTitle })}
    `;
  }

  #renderItem(notification: Notification): TemplateResult {
    const t = this.#host.t.notifications;
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
          ${notificationText(this.#host.t, this.#host.locale, notification)}
        </p>
        <p part="date" class="date">
          <time datetime=${notification.createdAt}>${formatReceived(this.#host.locale, notification.createdAt)}</time>
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
    const user = this.#host.user;
    return user && !user.mustChangePassword ? user.id : undefined;
  }

  #currentList(): LoadedList | undefined {
    const list = this.#state.list;
    return list && list.userId === this.#readyUserId() ? list : undefined;
  }

  #received(notification: Notification): void {
    const list = this.#currentList();
    const shown = list ? this.#items.items.find((item) => item.id === notification.id) : undefined;
    if (list && shown) {
      // The same entry again: one more chat message (it comes to the top), or read where its chat was opened.
      const change = (notification.readAt === null ? 1 : 0) - (shown.readAt === null ? 1 : 0);
      this.#items.upsert([notification]);
      this.#state.list = { ...list, unread: Math.max(0, list.unread + change) };
    } else if (list && notification.readAt === null) {
      this.#items.upsert([notification], 'start');
      this.#state.list = { ...list, unread: list.unread + 1 };
    } else if (!list) {
      // The first load may have started before this one existed.
      void this.#load.run();
    }
    // Read elsewhere: nothing new to say.
    if (notification.readAt !== null) return;
    this.#host.announce(this.#host.t.notifications.arrived(notificationText(this.#host.t, this.#host.locale, notification)));
    this.#host.emit('oz-notification', { notification });
  }



  /** To the consultation's chat (whoever on the page opens it), the panel closed; the entry is read. */
  async #openChat(notification: Notification): Promise<void> {
    this.#host.close();
    this.#host.emit('oz-notification-open', { notification });
    await this.#markRead(notification);
  }

  /** Marks one read at once on screen; puts it back if the API refuses. */
  async #markRead(notification: Notification): Promise<void> {
    const list = this.#currentList();
    if (!list || notification.readAt !== null) return;
    const hadFocus = this.#host.element.shadowRoot?.activeElement?.getAttribute('aria-describedby') === `text-${notification.id}`;
    this.#state.actionError = undefined;
    this.#replace(notification.id, { ...notification, readAt: new Date().toISOString() }, -1);
    if (hadFocus) await this.#focusAfterMarking();
    try {
      const updated = await this.#host.client.markNotificationRead(notification.id);
      this.#replace(notification.id, updated, 0);
    } catch (error) {
      this.#replace(notification.id, notification, +1);
      this.#state.actionError = error;
    }
  }

  #markAllRead = async (): Promise<void> => {
    const list = this.#currentList();
    if (!list) return;
    const unread = this.#items.items.filter((item) => item.readAt === null);
    const now = new Date().toISOString();
    this.#state.actionError = undefined;
    this.#items.upsert(unread.map((item) => ({ ...item, readAt: now })));
    this.#state.list = { ...list, unread: 0 };
    await this.#host.focusAfterUpdate('#panel-title');
    // The API marks one at a time; the list then tells the true count (older ones may remain).
    const results = await Promise.allSettled(unread.map((item) => this.#host.client.markNotificationRead(item.id)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    await this.#load.run();
    if (failed) this.#state.actionError = failed.reason;
  };

  #replace(id: string, notification: Notification, unreadChange: number): void {
    const list = this.#currentList();
    if (!list || !this.#items.items.some((item) => item.id === id)) return;
    this.#items.upsert([notification]);
    this.#state.list = { ...list, unread: Math.max(0, list.unread + unreadChange) };
  }

  /** The pressed button is gone: go to the next new notification's button, else the panel title. */
  #focusAfterMarking(): Promise<void> {
    return this.#host.focusAfterUpdate('button[part~="mark-read-button"]', '#panel-title');
  }
}
