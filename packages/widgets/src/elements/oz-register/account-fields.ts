import type { FieldError } from '@oz/contracts';
import { PASSWORD_MIN_LENGTH } from '@oz/contracts/constants';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/ru.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { checkboxField, formAlert, passwordField } from '../../internal/fields.ts';

/**
 * The fields and buttons both parts of <oz-register> draw: passwords that can be shown, the 152-FZ
 * consent, a form's button and alert. The element owns them and lends them to its parts: a module
 * that both part chunks imported would go into the shared chunk that every element loads.
 */
export class AccountFields {
  readonly #host: ReactiveControllerHost;
  readonly #words: () => Translation;
  readonly #consentHref: () => string;
  /** Password fields whose text is shown. */
  #revealed: ReadonlySet<string> = new Set();

  constructor(host: ReactiveControllerHost, words: () => Translation, consentHref: () => string) {
    this.#host = host;
    this.#words = words;
    this.#consentHref = consentHref;
  }

  /** Every password hidden again: a new view, or another person. */
  hidePasswords(): void {
    this.#revealed = new Set();
    this.#host.requestUpdate();
  }

  password(form: FormState, name: string, label: string, autocomplete: 'current-password' | 'new-password', hint?: string): TemplateResult {
    const t = this.#words();
    return passwordField({
      name,
      label,
      hint,
      autocomplete,
      error: this.fieldText(form, name),
      revealed: this.#revealed.has(name),
      showLabel: t.common.showPassword,
      hideLabel: t.common.hidePassword,
      onToggle: () => this.#toggle(name),
    });
  }

  /** "At least 8 characters": the contract's plain limit, there from the first render. */
  newPasswordHint(): string {
    return this.#words().fields.newPasswordHint(PASSWORD_MIN_LENGTH);
  }

  /** The 152-FZ consent checkbox with the link to its text: at registration, and at an imported patient's first password. */
  consent(form: FormState): TemplateResult {
    const t = this.#words();
    return checkboxField({
      name: 'consent',
      label: t.fields.consent,
      error: this.fieldText(form, 'consent'),
      after: html`
        <a
          part="consent-link"
          class="consent-link"
          href=${this.#consentHref()}
          target="_blank"
          rel="noopener"
          aria-label=${`${t.fields.consentLink} (${t.common.opensInNewWindow})`}
        >
          ${t.fields.consentLink}
        </a>
      `,
    });
  }

  submit(form: FormState, label: string): TemplateResult {
    return html`
      <button type="submit" class="primary" part="button submit" ?disabled=${form.pending}>
        ${form.pending ? this.#words().register.sending : label}
      </button>
    `;
  }

  alert(form: FormState): TemplateResult {
    return formAlert(form.formError === undefined ? undefined : describeError(this.#words(), form.formError));
  }

  /** A field's problem in words; `special` may put it better for one field than the code's generic text. */
  fieldText(form: FormState, field: string, special?: (error: FieldError) => string | undefined): string | undefined {
    const error = form.errorFor(field);
    return error && (special?.(error) ?? this.#specialText(error) ?? describeFieldError(this.#words(), error));
  }

  #specialText(error: FieldError): string | undefined {
    const t = this.#words();
    if (error.field === 'phone' && error.code === 'taken') return t.errors.phone_taken;
    if (error.field === 'currentPassword' && error.code === 'invalid') return t.register.wrongCurrentPassword;
    return undefined;
  }

  #toggle(name: string): void {
    const revealed = new Set(this.#revealed);
    if (!revealed.delete(name)) revealed.add(name);
    this.#revealed = revealed;
    this.#host.requestUpdate();
  }
}
