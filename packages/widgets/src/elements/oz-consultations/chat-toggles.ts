import type { ChatMessage } from '@oz/contracts';
import type { ReactiveControllerHost } from 'lit';

/**
 * Which consultations have their chat open under the card, and which got a message from the
 * doctor while it was closed (the card then says «Новое сообщение»; the open chat shows it itself).
 */
export class ChatToggles {
  readonly #host: ReactiveControllerHost;
  readonly #open = new Set<string>();
  readonly #fresh = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  isOpen(consultationId: string): boolean {
    return this.#open.has(consultationId);
  }

  hasNewMessage(consultationId: string): boolean {
    return this.#fresh.has(consultationId);
  }

  toggle(consultationId: string): void {
    if (!this.#open.delete(consultationId)) {
      this.#open.add(consultationId);
      this.#fresh.delete(consultationId);
    }
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
  }

}
