import { nothing } from 'lit';
import type { SignInGate } from '../controllers/sign-in-gate.ts';
import { loadError, type LoadWords } from '../controllers/load.ts';
import type { OzElement } from './oz-element.ts';

/**
 * What an element shows only to someone signed in (their lists, forms and dialogs), in a chunk of
 * its own: a visitor who is not signed in never downloads it, and most visitors of a municipal
 * site are not. It is fetched once the element's gate opens, or while a stored session is being
 * restored (the loader even preloads it with the element's code then), and the element's renders
 * wait for it as they wait for English strings, so no half-built view ever shows.
 */
export class SignedInPart<V> {
  readonly #gate: SignInGate;
  readonly #load: () => Promise<V>;
  #view: V | undefined;
  #loading: Promise<void> | undefined;
  #error: unknown;

  /** `load` imports the part and builds its view for this element (controllers attach to it then). */
  constructor(host: OzElement, gate: SignInGate, load: () => Promise<V>) {
    this.#gate = gate;
    this.#load = load;
    host.waitBeforeRender(() => {
      if (this.#gate.open) return this.#fetch();
      if (this.#gate.restoring) void this.#fetch(); // on its way while the session is checked, not awaited
      return undefined;
    });
  }

  /** The view, once its code is here. */
  get view(): V | undefined {
    return this.#view;
  }

  /**
   * The view's render when it is here; else why not (the chunk did not come: a flaky rural link),
   * with a retry.
   */
  render(words: LoadWords, renderView: (view: V) => unknown, retry: () => void): unknown {
    if (this.#view) return renderView(this.#view);
    if (this.#error === undefined) return nothing;
    return loadError(words, this.#error, () => {
      this.#error = undefined;
      retry();
    });
  }

  #fetch(): Promise<void> | undefined {
    if (this.#view || this.#error !== undefined) return undefined;
    this.#loading ??= this.#load().then(
      (view) => {
        this.#view = view;
      },
      (error: unknown) => {
        this.#error = error;
        this.#loading = undefined;
        console.error('Oblako Zdorovya: could not load a part of the element', error);
      },
    );
    return this.#loading;
  }
}
