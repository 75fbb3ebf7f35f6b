import type { FieldError } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An element's contract pre-checks, from a chunk of their own (the schemas and zod/mini). Loading
 * starts when a person first touches the element (focus, a tap): a page being opened on a slow
 * link spends its bandwidth on what it shows first, and the chunk is there long before anyone has
 * filled a form in; a submit that comes sooner waits for it. The host re-renders when it arrives.
 * When the chunk cannot load, `check` finds nothing and the form goes to the API, which answers
 * with the very same field errors.
 *
 * Plain limits (lengths, counts) never come from here: they are in `@oz/contracts/constants`,
 * which the elements import directly, so `maxlength` is there from the first render.
 */
/** What a person does to an element before filling it in: focus on a field (keyboard or tap), a press. */
const FIRST_TOUCH = ['focusin', 'pointerdown'] as const;

export class LazyChecksController<C> implements ReactiveController {
  /** The checks, once loaded. */
  value: C | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<C>;
  #loading: Promise<C> | undefined;

  /** `load` is a `lazyChunk`, so every element of the page shares one download. */
  constructor(host: ReactiveControllerHost, load: () => Promise<C>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.value || !(this.#host instanceof EventTarget)) return;
    for (const type of FIRST_TOUCH) this.#host.addEventListener(type, this.#touched, { once: true });
  }

  hostDisconnected(): void {
    if (this.#host instanceof EventTarget) for (const type of FIRST_TOUCH) this.#host.removeEventListener(type, this.#touched);
  }

  #touched = (): void => {
    if (this.#host instanceof EventTarget) for (const type of FIRST_TOUCH) this.#host.removeEventListener(type, this.#touched);
    if (!this.value) void this.load();
  };

  /** The checks, or undefined when their chunk cannot be loaded now (a later call tries again). */
  async load(): Promise<C | undefined> {
    if (this.value) return this.value;
    try {
      this.#loading ??= this.#load();
      this.value = await this.#loading;
      this.#host.requestUpdate();
    } catch {
      return undefined;
    } finally {
      this.#loading = undefined;
    }
    return this.value;
  }

  /** The field errors `run` finds with the loaded checks; none when they cannot be loaded. */
  async check(run: (checks: C) => FieldError[]): Promise<FieldError[]> {
    const checks = await this.load();
    return checks ? run(checks) : [];
  }
}
