import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `forget` before any update in which `key()` differs from the one of the last update (e.g.
 * another person signed in, or nobody is): nothing of the previous one's may stay on screen. It
 * runs in hostUpdate, before the render and before tasks read their arguments. `initial` is the key
 * the controller starts from (nobody, by default), so a first update with it forgets nothing.
 */
export class ForgetOnChange<K> implements ReactiveController {
  #last: K;
  readonly #key: () => K;
  readonly #forget: () => void;

  constructor(host: ReactiveControllerHost, key: () => K, forget: () => void, initial: K) {
    this.#key = key;
    this.#forget = forget;
    this.#last = initial;
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.#key();
    if (key === this.#last) return;
    this.#last = key;
    this.#forget();
  }
}
