import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host whenever a shared object (the session, the page configuration) fires
 * `change`, and only while the host is in the document so detached elements do not leak.
 */
export class RerenderOnChange implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #target: EventTarget;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost, target: EventTarget) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    this.#target.addEventListener('change', this.#onChange);
    // Anything may have changed while the element was out of the document.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#target.removeEventListener('change', this.#onChange);
  }
}
