import { Task, TaskStatus, type TaskConfig } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** The words a load shows; `describe` turns its failure into the element's language. */
export interface LoadWords {
  /** "Загружаем…": shown only before the first value arrives. */
  loading: string;
  /** The retry button's label. */
  retry: string;
  describe: (error: unknown) => string;
  /** Said before the description, e.g. «Не удалось загрузить центры.» */
  failed?: string;
  /** Parts the error text also carries, besides `error` (old names kept for one release), e.g. `load-error`. */
  errorParts?: string;
}

/**
 * Data an element loads from the API: a `@lit/task` Task with the one way a load shows itself.
 * Before the first value: a `loading` line. While it reloads: the last value stays on screen (no
 * flash of "loading" on every refresh). On failure: a `load-error` block with the message (`error`)
 * and a `retry-button`. These part names are the same in every element (see the README, theming).
 */
export class LoadController<const A extends readonly unknown[], T> {
  readonly #task: Task<A, T>;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, T>) {
    this.#task = new Task(host, config);
  }

  get value(): T | undefined {
    return this.#task.value;
  }

  get error(): unknown {
    return this.#task.error;
  }

  get status(): TaskStatus {
    return this.#task.status;
  }

  /** True while a run is in flight (a first load or a reload). */
  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  get failed(): boolean {
    return this.#task.status === TaskStatus.ERROR;
  }

  /** Runs again with the current arguments (or with `args`); resolves when the run settles. */
  run = (args?: A): Promise<void> => this.#task.run(args);

  abort(reason?: unknown): void {
    this.#task.abort(reason);
  }

  /** Settles with the value of the run in flight (or the last one). */
  get complete(): Promise<T> {
    return this.#task.taskComplete;
  }

  /** `complete(value)` once there is a value; otherwise the loading line or the error with its retry. */
  render(words: LoadWords, complete: (value: T) => unknown): unknown {
    if (this.#task.status === TaskStatus.ERROR) return loadError(words, this.#task.error, () => void this.run());
    if (this.#task.value !== undefined) return complete(this.#task.value);
    if (this.#task.status === TaskStatus.PENDING) return loadingLine(words.loading);
    return nothing;
  }
}

/** The line shown while something loads for the first time. */
export function loadingLine(text: string): TemplateResult {
  return html`<p class="loading" part="loading" role="status">${text}</p>`;
}

/** A failed load: what went wrong and a way to try again. */
export function loadError(words: LoadWords, error: unknown, retry: () => void): TemplateResult {
  return html`
    <div class="load-error" part="load-error">
      <p role="alert" part=${words.errorParts ? `error ${words.errorParts}` : 'error'} class="form-error">${words.failed ? `${words.failed} ` : nothing}${words.describe(error)}</p>
      <button type="button" part="button retry-button" @click=${retry}>${words.retry}</button>
    </div>
  `;
}
