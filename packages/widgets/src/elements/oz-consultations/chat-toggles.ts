import type { ChatMessage, Consultation, Notification } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OzChat } from '../oz-chat/oz-chat.ts';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Which consultations have their chat open under the card, and which have messages from the
 * doctor not read yet (the card then says «Новое сообщение»; the open chat shows them itself).
 * What is unread comes from the server (`unreadMessages`, so it survives a reload) and from live
 * messages since; opening a chat reads it (<oz-chat> tells the server). «Открыть переписку» in the
 * bell (`oz-notification-open`) opens the chat here and brings it into view.
 */
export class ChatToggles implements ReactiveController {
  readonly #host: Host;
  readonly #consultationOf: (consultationId: string) => Consultation | undefined;
  readonly #open = new Set<string>();
  /** Live messages to a closed chat since the list was read. */
  readonly #fresh = new Set<string>();
  /**
   * Chats read here, with the consultation as loaded then: its `unreadMessages` is stale until the
   * list is read again (a new object), after which the server's count rules.
   */
  readonly #readHere = new Map<string, Consultation | undefined>();

  constructor(host: Host, consultationOf: (consultationId: string) => Consultation | undefined) {
    this.#host = host;
    this.#consultationOf = consultationOf;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('oz-notification-open', this.#onNotificationOpen);
  }

  hostDisconnected(): void {
    document.removeEventListener('oz-notification-open', this.#onNotificationOpen);
  }

  isOpen(consultationId: string): boolean {
    return this.#open.has(consultationId);
  }

  hasNewMessage(consultationId: string): boolean {
    if (this.#open.has(consultationId)) return false;
    return this.#fresh.has(consultationId) || this.unreadCount(consultationId) > 0;
  }

  /** Messages not read yet, as the server counted them when the list was read (0 once read here). */
  unreadCount(consultationId: string): number {
    const consultation = this.#consultationOf(consultationId);
    if (!consultation) return 0;
    if (this.#readHere.has(consultationId) && this.#readHere.get(consultationId) === consultation) return 0;
    this.#readHere.delete(consultationId);
    return consultation.unreadMessages ?? 0;
  }

  toggle(consultationId: string): void {
    if (!this.#open.delete(consultationId)) this.#opened(consultationId);
    this.#host.requestUpdate();
  }

  /** A live message: marks its card unless it is the reader's own or its chat is open. */
  noteMessage(message: ChatMessage, readerId: string | undefined): void {
    if (!readerId || message.authorId === readerId || this.#open.has(message.consultationId)) return;
    this.#fresh.add(message.consultationId);
    this.#host.requestUpdate();
  }

  /** Forgets everything, e.g. when another user signs in on the page. */
  reset(): void {
    this.#open.clear();
    this.#fresh.clear();
    this.#readHere.clear();
  }

  #opened(consultationId: string): void {
    this.#open.add(consultationId);
    this.#fresh.delete(consultationId);
    this.#readHere.set(consultationId, this.#consultationOf(consultationId));
  }

  /** The bell's «Открыть переписку» of a consultation listed here: its chat, open, in view, its heading focused. */
  #onNotificationOpen = async (event: Event): Promise<void> => {
    const notification = (event as CustomEvent<{ notification?: Notification }>).detail?.notification;
    const id = notification?.data.consultationId;
    if (!id || !this.#consultationOf(id)) return;
    if (!this.#open.has(id)) this.#opened(id);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const chat = this.#host.shadowRoot?.getElementById(`chat-${id}`) as OzChat | null;
    if (!chat) return;
    await customElements.whenDefined('oz-chat');
    chat.scrollIntoView({ block: 'start', behavior: 'smooth' });
    await chat.focusTitle();
  };
}
