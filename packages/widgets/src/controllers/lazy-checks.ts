import type { FieldError } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An element's contract pre-checks, from a chunk of their own (zod and the schemas weigh more than
 * the rest of the bundle). Loading starts when the element joins the page, so the chunk is there by
 * the first submit; the host re-renders when it arrives. When the chunk cannot load, `check` finds
 * nothing and the form goes to the API, which answers with the very same field errors.
 *
 * Plain limits (lengths, counts) never come from here: they are in `@oz/contracts/constants`,
 * which the elements import directly, so `maxlength` is there from the first render.
 */
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
    if (!this.value) void this.load();
  }

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
