import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { FormState } from '../../controllers/form-submit.ts';

/** Small pieces every desk form shares (the error and alert markup is internal/fields.ts). */

export function submitButton(form: FormState, label: string, sending: string, part: string): TemplateResult {
  return html`
    <button type="submit" class="primary" part="button submit ${part}" ?disabled=${form.pending}>
      ${form.pending ? sending : label}
    </button>
  `;
}

/** What a load shows: its last value (kept while it reloads), "Загружаем…", or the error with a retry. */
export function renderLoad<T>(
  task: { status: number; value: T | undefined; error: unknown },
  options: {
    complete: (value: T) => unknown;
    loadingText: string;
    describe: (error: unknown) => string;
    retryText: string;
    onRetry: () => void;
  },
): unknown {
  if (task.status === TaskStatus.ERROR) {
    return html`
      <div class="load-error" part="load-error">
        <p role="alert" part="error" class="form-error">${options.describe(task.error)}</p>
        <button type="button" part="button retry-button" @click=${options.onRetry}>${options.retryText}</button>
      </div>
    `;
  }
  if (task.value !== undefined) return options.complete(task.value);
  if (task.status === TaskStatus.PENDING) return html`<p class="loading" part="loading">${options.loadingText}</p>`;
  return nothing;
}
