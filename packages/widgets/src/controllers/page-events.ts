import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OzEventName } from '../events/index.ts';

/**
 * Calls back when another element on the page reports something (oz-… events bubble to the
 * document), so a list shown here stays true without a reload: a new application, a booking.
 */
export class PageEventsController implements ReactiveController {
  readonly #listener = (): void => this.onEvent();

  constructor(
    host: ReactiveControllerHost,
    private readonly names: readonly OzEventName[],
    private readonly onEvent: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const name of this.names) document.addEventListener(name, this.#listener);
  }

  hostDisconnected(): void {
    for (const name of this.names) document.removeEventListener(name, this.#listener);
  }
}
