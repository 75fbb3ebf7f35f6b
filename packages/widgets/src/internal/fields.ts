import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** What every labelled control needs: a visible label, an optional hint and its error. */
interface FieldBase {
  name: string;
  label: string;
  hint?: string | undefined;
  /** The translated problem, shown under the control and linked with aria-describedby. */
  error?: string | undefined;
}

export interface TextFieldOptions extends FieldBase {
  type?: 'text' | 'tel' | 'email' | 'date' | 'password';
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'email' | 'numeric';
  /** Shown after the label, e.g. "(необязательно)"; fields without it are required. */
  optionalNote?: string | undefined;
  /** Extra content after the input, e.g. a show-password button. */
  after?: TemplateResult | undefined;
}

const ids = (name: string) => ({ input: `${name}-input`, hint: `${name}-hint`, error: `${name}-error` });

/**
 * The ids a control's aria-describedby lists, skipping the absent ones. Its error goes first: it
 * is what a screen reader user needs to hear on returning to the field.
 */
export function describedBy(...list: (string | false | undefined)[]): string | undefined {
  return list.filter(Boolean).join(' ') || undefined;
}

/** A field's error under it, linked from the control by aria-describedby. */
export function fieldError(id: string, text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<span class="field-error" part="error field-error" id=${id}>${text}</span>` : nothing;
}

/** A form's own problem. Always rendered (empty when fine) so screen readers announce a problem when it appears. */
export function formAlert(text: string | undefined): TemplateResult {
  return html`<div role="alert" part="error form-error" class="form-error">${text ?? nothing}</div>`;
}

function fieldDescribedBy(field: FieldBase): string | undefined {
  const { hint, error } = ids(field.name);
  return describedBy(field.error && error, field.hint && hint);
}

/** Read before typing: elderly users should not have to fail once to learn the format. */
function hint(field: FieldBase) {
  return field.hint ? html`<span class="hint" part="hint" id=${ids(field.name).hint}>${field.hint}</span>` : nothing;
}

function error(field: FieldBase) {
  return fieldError(ids(field.name).error, field.error);
}

/**
 * A labelled input. Native `required` is not used: the browser's own bubbles speak the browser's
 * language and fire before our contract pre-check; `aria-required` still tells screen readers.
 */
export function textField(field: TextFieldOptions): TemplateResult {
  const id = ids(field.name);
  return html`
    <div class="field" part="field ${field.name}-field">
      <label for=${id.input} part="label">
        ${field.label}${field.optionalNote ? html` <span class="optional">(${field.optionalNote})</span>` : nothing}
      </label>
      ${hint(field)}
      <div class="control">
        <input
          part="input"
          id=${id.input}
          name=${field.name}
          type=${field.type ?? 'text'}
          autocomplete=${ifDefined(field.autocomplete)}
          inputmode=${ifDefined(field.inputmode)}
          aria-required=${field.optionalNote ? 'false' : 'true'}
          aria-invalid=${field.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(fieldDescribedBy(field))}
        />
        ${field.after ?? nothing}
      </div>
      ${error(field)}
    </div>
  `;
}

export interface PasswordFieldOptions extends FieldBase {
  autocomplete: 'current-password' | 'new-password';
  revealed: boolean;
  showLabel: string;
  hideLabel: string;
  onToggle: () => void;
}

/**
 * A password input with a show/hide button: typing blind on a phone is hard for elderly users.
 * The button's words change with the state (no aria-pressed, which would say it twice).
 */
export function passwordField(field: PasswordFieldOptions): TemplateResult {
  return textField({
    ...field,
    type: field.revealed ? 'text' : 'password',
    after: html`
      <button
        type="button"
        class="reveal"
        part="button reveal-button"
        aria-controls=${ids(field.name).input}
        @click=${field.onToggle}
      >
        ${field.revealed ? field.hideLabel : field.showLabel}
      </button>
    `,
  });
}

export interface CheckboxFieldOptions extends FieldBase {
  /** Content after the checkbox's field, e.g. a link to the full text being agreed to. */
  after?: TemplateResult | undefined;
}

export function checkboxField(field: CheckboxFieldOptions): TemplateResult {
  const id = ids(field.name);
  return html`
    <div class="field checkbox-field" part="field ${field.name}-field">
      <div class="checkbox-row">
        <input
          part="checkbox"
          id=${id.input}
          name=${field.name}
          type="checkbox"
          aria-required="true"
          aria-invalid=${field.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(fieldDescribedBy(field))}
        />
        <label for=${id.input} part="label">${field.label}</label>
      </div>
      ${hint(field)} ${error(field)} ${field.after ?? nothing}
    </div>
  `;
}
