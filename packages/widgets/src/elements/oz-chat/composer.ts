import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeFieldError } from '../../internal/describe-error.ts';
import { formAlert } from '../../internal/fields.ts';

export interface ComposerProps {
  t: Translation;
  form: FormState;
  /** What is typed now, for the counter. */
  draft: string;
  max: number;
  /** The form-level problem in words (a failed send), or undefined. */
  formError: string | undefined;
  onInput: (event: InputEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/**
 * The message box. Enter makes a new line (on phones that is what the key is for); the button
 * sends, and Ctrl+Enter does too for people at a keyboard. The counter turns into a warning past
 * the limit; a polite live region says so once instead of reading the count at every key.
 */
export function renderComposer(props: ComposerProps): TemplateResult {
  const { t, form, draft, max } = props;
  // Counted as the API counts: without the spaces and line breaks at the ends.
  const used = draft.trim().length;
  const over = used > max;
  const fieldError = form.errorFor('text');
  // Past the limit the counter already says how much to cut: one message, not two.
  const errorText =
    fieldError && !(over && fieldError.code === 'too_long')
      ? fieldError.code === 'required'
        ? t.chat.emptyMessage
        : describeFieldError(t, fieldError)
      : undefined;
  const invalid = over || errorText !== undefined;
  const describedBy = ['chat-hint', 'chat-counter', errorText ? 'chat-text-error' : ''].filter(Boolean).join(' ');
  return html`
    <form part="form" class="form" novalidate @submit=${props.onSubmit}>
      <label for="chat-text" part="label">${t.chat.messageLabel}</label>
      <span id="chat-hint" part="hint" class="hint">${t.chat.messageHint}</span>
      <textarea
        id="chat-text"
        name="text"
        part="textarea"
        rows="3"
        .value=${live(draft)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${props.onInput}
        @keydown=${props.onKeyDown}
      ></textarea>
      <span id="chat-counter" part="counter${over ? ' counter-over' : ''}" class="counter ${over ? 'over' : ''}">
        ${over ? html`<span aria-hidden="true">⚠ </span>${t.chat.overLimit(used, max)}` : t.chat.counter(used, max)}
      </span>
      <span class="visually-hidden" aria-live="polite">${over ? t.chat.tooLong : ''}</span>
      ${errorText ? html`<span id="chat-text-error" part="error field-error" class="field-error">${errorText}</span>` : nothing}
      ${formAlert(props.formError)}
      <button type="submit" class="primary" part="button send-button" ?disabled=${form.pending}>
        ${form.pending ? t.chat.sending : t.chat.send}
      </button>
    </form>
  `;
}
