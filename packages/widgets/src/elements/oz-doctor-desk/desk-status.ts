import type { ReactiveControllerHost } from 'lit';

/**
 * The desk's status line (part `status`, a polite live region), shared by its sections: what an
 * action confirms («Консультация назначена»), a new message, «Обновлено». Empty says nothing.
 */
export class DeskStatus {
  #text = '';
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get text(): string {
    return this.#text;
  }

  say(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }

  clear(): void {
    this.say('');
  }
}
