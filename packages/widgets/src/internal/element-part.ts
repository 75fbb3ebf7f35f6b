import { nothing } from 'lit';
import { loadError, type LoadWords } from '../controllers/load.ts';
import type { OzElement } from './oz-element.ts';

/**
 * Whether an element needs a part now: for the next render (which waits for it), soon (fetched
 * but not awaited, e.g. while a stored session is checked), or not at all.
 */
export type PartNeed = 'render' | 'soon' | undefined;

/**
 * A piece of an element's view in a chunk of its own, fetched once when the element first needs
 * it (SignedInPart, SignedOutPart say when). The element's renders wait for it as they wait for
 * English strings, so no half-built view ever shows; a chunk that did not come (a flaky rural
 * link) is said with a retry.
 */
export class ElementPart<V> {
  readonly #need: () => PartNeed;
  readonly #load: () => Promise<V>;
  #view: V | undefined;
  #loading: Promise<void> | undefined;
  #error: unknown;

  /** `load` imports the part and builds its view for this element (controllers attach to it then). */
  constructor(host: OzElement, need: () => PartNeed, load: () => Promise<V>) {
    this.#need = need;
    this.#load = load;
    host.waitBeforeRender(() => {
      const need = this.#need();
      if (need === 'render') return this.#fetch();
      if (need === 'soon') void this.#fetch();
      return undefined;
    });
  }

  /** The view, once its code is here. */
  get view(): V | undefined {
    return this.#view;
  }

  /**
   * The view's render when it is here; else why not (the chunk did not come), with a retry.
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
