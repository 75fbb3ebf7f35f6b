import type { FieldError } from '@oz/contracts';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import { ApiError, isAbortError } from '../api/errors.ts';

export interface FormSubmitOptions<Input, Result> {
  /** Names of the fields the form shows; errors on other fields go to the form-level alert. */
  fields: readonly string[];
  /** Field errors found before sending (the contract schema), empty when the input is fine. */
  precheck: (input: Input) => FieldError[] | Promise<FieldError[]>;
  send: (input: Input, signal: AbortSignal) => Promise<Result>;
  onSuccess: (result: Result, input: Input) => void | Promise<void>;
  /** Field errors implied by an API error that carries none (e.g. 409 phone_taken → phone). */
  fieldErrorsOf?: (error: ApiError) => FieldError[];
}

/** What a form's template reads: pending state and the problems to show. */
export interface FormState {
  readonly pending: boolean;
  readonly formError: unknown;
  errorFor(field: string): FieldError | undefined;
}

/**
 * Submitting a form to the API: pre-check with the contract schema, one request at a time
 * (a @lit/task, aborted when the element leaves the page), API field errors placed next to
 * their fields, other failures kept for a form-level alert, focus moved to the first problem.
 */
export class FormSubmit<Input, Result> implements ReactiveController, FormState {
  /** Problems of single fields, shown next to them. */
  fieldErrors: FieldError[] = [];
  /** A failure not tied to a shown field (network, 401, 429, …); translated when rendered. */
  formError: unknown = undefined;

  readonly #host: ReactiveElement;
  readonly #options: FormSubmitOptions<Input, Result>;
  readonly #task: Task<[Input], Result>;
  #checking = false;

  constructor(host: ReactiveElement, options: FormSubmitOptions<Input, Result>) {
    this.#host = host;
    this.#options = options;
    this.#task = new Task(host, {
      task: ([input], { signal }) => options.send(input, signal),
      autoRun: false,
    });
    host.addController(this);
  }

  get pending(): boolean {
    return this.#checking || this.#task.status === TaskStatus.PENDING;
  }

  errorFor(field: string): FieldError | undefined {
    return this.fieldErrors.find((error) => error.field === field);
  }

  hostDisconnected(): void {
    this.#task.abort();
  }

  reset(): void {
    this.fieldErrors = [];
    this.formError = undefined;
    this.#host.requestUpdate();
  }

  async submit(input: Input): Promise<void> {
    if (this.pending) return;
    this.formError = undefined;
    this.#checking = true;
    this.#host.requestUpdate();
    try {
      this.fieldErrors = await this.#options.precheck(input);
    } finally {
      this.#checking = false;
    }
    if (this.fieldErrors.length > 0) return this.#showProblems();

    this.#host.requestUpdate();
    await this.#task.run([input]);
    if (this.#task.status === TaskStatus.COMPLETE) {
      await this.#options.onSuccess(this.#task.value as Result, input);
      return;
    }
    const error = this.#task.error;
    if (this.#task.status !== TaskStatus.ERROR || isAbortError(error)) return;
    this.#placeError(error);
    return this.#showProblems();
  }

  #placeError(error: unknown): void {
    const reported = error instanceof ApiError ? error.fields : [];
    const fields =
      reported.length > 0 || !(error instanceof ApiError) ? reported : (this.#options.fieldErrorsOf?.(error) ?? []);
    this.fieldErrors = fields.filter((field) => this.#options.fields.includes(field.field));
    // Anything not shown next to a field must still be said: in the alert region.
    if (this.fieldErrors.length === 0 || this.fieldErrors.length < fields.length) this.formError = error;
  }

  async #showProblems(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const root = this.#host.renderRoot as ShadowRoot;
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
    } else if (!root.activeElement) {
      // The submit button was disabled while pending, which drops focus; put it back there.
      root.querySelector<HTMLElement>('button[type="submit"]')?.focus();
    }
  }
}
