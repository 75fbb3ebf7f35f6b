import type { ChatMessage, Notification } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, isAbortError } from '../api/errors.ts';
import { session } from '../session/session.ts';
import { sessionClient } from '../session/session-client.ts';
import { pageSingleton } from './page-singleton.ts';

/** `notification`: one arrived live. */
export type LiveNotificationEvent = CustomEvent<{ notification: Notification }>;

/** `message`: a chat message of one of the user's consultations (theirs or the other side's). */
export type LiveMessageEvent = CustomEvent<{ message: ChatMessage }>;

/**
 * `ready`: the stream is open. `resumed` is true when it reopened after a break (or for the same
 * user after a sign-in elsewhere): notifications may have been missed, so listeners reload.
 */
export type LiveReadyEvent = CustomEvent<{ resumed: boolean }>;

/** idle: nobody listens or nobody is signed in; waiting: a retry after an error is scheduled. */
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'waiting';

export interface LiveSubscriber {
  onNotification?: (notification: Notification) => void;
  /** A chat message of any of the user's consultations, the user's own included: filter by `consultationId`. */
  onMessage?: (message: ChatMessage) => void;
  /** The stream (re)opened after a break: what arrived meanwhile was missed, so reload. */
  onResume?: () => void;
  /**
   * The stream opened, the first time or again: whatever happened before this moment came to
   * nobody, so a listener that loaded before it (a chat opened with the page) loads once more.
   */
  onOpen?: () => void;
}

/**
 * The live notification stream of one API origin: ONE EventSource per page and origin however
 * many elements listen (like the session), opened while someone subscribes and a user is signed
 * in, closed on sign-out or when the last subscriber leaves. EventSource cannot send the bearer
 * token, so each connection uses a one-use, one-minute ticket; the browser's own reconnect would
 * reuse the spent ticket, so on any error the source is closed and a new one (with a new ticket)
 * is opened after a growing delay. Fires `notification`, `message`, `ready` and `status` events:
 * the same per-user stream carries chat messages, so the chat needs no connection of its own.
 */
export class LiveNotifications extends EventTarget {
  readonly origin: string;
  /** Retry delays after errors: doubling from `initialMs` up to `maxMs`, with jitter. */
  readonly retry = { initialMs: 1_000, maxMs: 60_000 };

  #subscribers = 0;
  #status: LiveStatus = 'idle';
  /** The user whose stream is open, connecting or waiting; undefined when idle. */
  #userId: string | undefined;
  #openedOnce = false;
  #source: EventSource | undefined;
  #ticketRequest: AbortController | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  /** Bumped on every open and close, so a late ticket answer never opens a stale stream. */
  #generation = 0;

  constructor(origin: string) {
    super();
    this.origin = origin;
    session.addEventListener('change', () => this.#sync());
    // Back online: no point waiting out the backoff.
    window.addEventListener('online', () => {
      if (this.#status === 'waiting') this.#retryNow();
    });
  }

  get status(): LiveStatus {
    return this.#status;
  }

  /** How many listeners hold the stream open. */
  get subscribers(): number {
    return this.#subscribers;
  }

  /** Keeps the stream open until the returned function is called (once). */
  subscribe(subscriber: LiveSubscriber = {}): () => void {
    const onNotification = (event: Event) =>
      subscriber.onNotification?.((event as LiveNotificationEvent).detail.notification);
    const onMessage = (event: Event) => subscriber.onMessage?.((event as LiveMessageEvent).detail.message);
    const onReady = (event: Event) => {
      subscriber.onOpen?.();
      if ((event as LiveReadyEvent).detail.resumed) subscriber.onResume?.();
    };
    this.addEventListener('notification', onNotification);
    this.addEventListener('message', onMessage);
    this.addEventListener('ready', onReady);
    this.#subscribers++;
    this.#sync();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.removeEventListener('notification', onNotification);
      this.removeEventListener('message', onMessage);
      this.removeEventListener('ready', onReady);
      this.#subscribers--;
      this.#sync();
    };
  }

  /** Opens, keeps or closes the stream to match the subscribers and the session's user. */
  #sync(): void {
    const user = this.#eligibleUserId();
    if (this.#subscribers === 0 || !user) {
      this.#close();
      this.#openedOnce = false;
      return;
    }
    if (user !== this.#userId) {
      this.#close();
      this.#openedOnce = false;
      this.#userId = user;
      void this.#open();
    }
  }

  /** The stream is per user; a user who must first change the password may not use it (403). */
  #eligibleUserId(): string | undefined {
    const user = session.user;
    if (session.api !== this.origin || !session.token || !user || user.mustChangePassword) return undefined;
    return user.id;
  }

  async #open(): Promise<void> {
    const generation = ++this.#generation;
    this.#setStatus('connecting');
    const request = new AbortController();
    this.#ticketRequest = request;
    let ticket: string;
    try {
      ticket = (await sessionClient(this.origin).streamTicket(request.signal)).ticket;
    } catch (error) {
      if (generation !== this.#generation || isAbortError(error)) return;
      // 401 signs the session out (the client tells it), which closes us; other refusals will not
      // pass on a retry either, until the session changes.
      if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
        this.#close();
        return;
      }
      this.#scheduleRetry();
      return;
    } finally {
      if (this.#ticketRequest === request) this.#ticketRequest = undefined;
    }
    if (generation !== this.#generation) return;

    const source = new EventSource(sessionClient(this.origin).notificationStreamUrl(ticket));
    this.#source = source;
    source.addEventListener('ready', () => {
      if (this.#source !== source) return;
      this.#attempt = 0;
      const resumed = this.#openedOnce;
      this.#openedOnce = true;
      this.#setStatus('open');
      this.dispatchEvent(new CustomEvent('ready', { detail: { resumed } }));
    });
    source.addEventListener('notification', (event) => {
      if (this.#source !== source) return;
      const notification = parseNotification((event as MessageEvent<string>).data);
      if (notification) this.dispatchEvent(new CustomEvent('notification', { detail: { notification } }));
    });
    source.addEventListener('message', (event) => {
      if (this.#source !== source) return;
      const message = parseMessage((event as MessageEvent<string>).data);
      if (message) this.dispatchEvent(new CustomEvent('message', { detail: { message } }));
    });
    source.addEventListener('error', () => {
      if (this.#source !== source) return;
      // Never let EventSource retry on its own: it would present the spent ticket again.
      source.close();
      this.#source = undefined;
      this.#scheduleRetry();
    });
  }

  #scheduleRetry(): void {
    const ceiling = Math.min(this.retry.maxMs, this.retry.initialMs * 2 ** this.#attempt);
    this.#attempt++;
    // Jitter, so a server restart is not met by every open page in the same second.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.#setStatus('waiting');
    this.#retryTimer = setTimeout(() => this.#retryNow(), delay);
  }

  #retryNow(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    if (this.#userId && this.#eligibleUserId() === this.#userId) void this.#open();
  }

  #close(): void {
    this.#generation++;
    this.#ticketRequest?.abort();
    this.#ticketRequest = undefined;
    this.#source?.close();
    this.#source = undefined;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#attempt = 0;
    this.#userId = undefined;
    this.#setStatus('idle');
  }

  #setStatus(status: LiveStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.dispatchEvent(new Event('status'));
  }
}

function parseNotification(data: string): Notification | undefined {
  try {
    const value = JSON.parse(data) as Partial<Notification> | null;
    return value && typeof value.id === 'string' && typeof value.kind === 'string' ? (value as Notification) : undefined;
  } catch {
    return undefined;
  }
}

function parseMessage(data: string): ChatMessage | undefined {
  try {
    const value = JSON.parse(data) as Partial<ChatMessage> | null;
    const valid =
      value && typeof value.id === 'string' && typeof value.consultationId === 'string' && typeof value.text === 'string';
    return valid ? (value as ChatMessage) : undefined;
  } catch {
    return undefined;
  }
}

const channels = pageSingleton('live-notifications@1', () => new Map<string, LiveNotifications>());

/** The page's one live stream for an API origin. */
export function liveNotifications(origin: string): LiveNotifications {
  let channel = channels.get(origin);
  if (!channel) {
    channel = new LiveNotifications(origin);
    channels.set(origin, channel);
  }
  return channel;
}

/**
 * Subscribes an element to the live stream of its API origin while it is on the page, following
 * a change of its `api`. For <oz-notifications>, <oz-consultations>, <oz-chat>…
 */
export class LiveNotificationsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly apiOrigin: string };
  readonly #subscriber: LiveSubscriber;
  #origin: string | undefined;
  #release: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & { readonly apiOrigin: string }, subscriber: LiveSubscriber) {
    this.#host = host;
    this.#subscriber = subscriber;
    host.addController(this);
  }

  /** The stream this host listens to, once connected. */
  get channel(): LiveNotifications | undefined {
    return this.#origin === undefined ? undefined : liveNotifications(this.#origin);
  }

  hostConnected(): void {
    this.#attach();
  }

  hostUpdated(): void {
    if (this.#release && this.#host.apiOrigin !== this.#origin) this.#attach();
  }

  hostDisconnected(): void {
    this.#release?.();
    this.#release = undefined;
  }

  #attach(): void {
    this.#release?.();
    this.#origin = this.#host.apiOrigin;
    this.#release = liveNotifications(this.#origin).subscribe(this.#subscriber);
  }
}
