import { html, type TemplateResult } from 'lit';
import type { FormState } from '../../controllers/form-submit.ts';
import type { LoadController } from '../../controllers/load.ts';

/** Small pieces the desk's views share (the error and alert markup is internal/fields.ts). */

export function submitButton(form: FormState, label: string, sending: string, part: string): TemplateResult {
  return html`
    <button type="submit" class="primary" part="button submit ${part}" ?disabled=${form.pending}>
      ${form.pending ? sending : label}
    </button>
  `;
}

/** A load a view shows (LoadController): its value, or the loading line, or the error with a retry. */
export type Loaded<T> = Pick<LoadController<readonly unknown[], T>, 'render'>;
