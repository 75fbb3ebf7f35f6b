import type { AuthResponse, FieldError, User } from '@oz/contracts';
import { PASSWORD_MIN_LENGTH } from '@oz/contracts/constants';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormState } from '../../controllers/form-submit.ts';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { loadContractChecks } from '../../internal/contracts.ts';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { checkboxField, formAlert, passwordField, textField } from '../../internal/fields.ts';
import { OzElement } from '../../internal/oz-element.ts';
import {
  passwordForm,
  readPasswordChange,
  readRegistration,
  readSignIn,
  registerForm,
  signInForm,
} from './account-forms.ts';
import { styles } from './oz-register.styles.ts';

type Mode = 'sign-in' | 'register';

/**
 * @summary The resident's personal account (личный кабинет): sign in, register with the 152-FZ
 * consent, sign out, and set a new password — forced after signing in with a one-time password
 * from an SMS. Every element on the page shares the session it starts.
 *
 * @event oz-signed-in - The user signed in or registered here. `detail: { user }`.
 * @event oz-signed-out - The user signed out here. `detail: {}`.
 * @event oz-password-changed - The user set a new password here. `detail: { user }`.
 *
 * `focus()` goes to the first field of the form shown (to the view's heading when it has none), so a
 * page's "sign in to book" link can lead straight to it.
 *
 * @csspart base - The wrapper of everything.
 * @csspart tabs - The "Вход" / "Регистрация" switch; `tab` is each of its buttons.
 * @csspart form - Each form.
 * @csspart field - Each field (also `<name>-field`, e.g. `phone-field`).
 * @csspart label - A field's label.
 * @csspart input - A text, date, phone or password input.
 * @csspart checkbox - The consent checkbox.
 * @csspart hint - Help text under a field.
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for the whole form.
 * @csspart button - Every button; also `submit`, `sign-out-button`, `change-password-button`,
 *   `cancel-button`, `reveal-button`.
 * @csspart consent-link - The link to the consent text.
 * @csspart user - "Вы вошли как …".
 * @csspart status - Confirmations such as "Новый пароль сохранён".
 *
 * @cssproperty --oz-color-primary - Buttons, links and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Error text and invalid borders (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzRegister extends OzElement {
  /** It shows the form that replaces the one-time password. */
  static override usableBeforePasswordChange = true;

  static override styles = [OzElement.styles, styles];

  /** Which form a signed-out visitor sees first: `sign-in` (default) or `register`. */
  @property({ reflect: true }) mode: Mode = 'sign-in';

  /**
   * Address of the text of the consent to personal data processing (152-FZ). Default: the API's
   * page `<api>/api/v1/consent?lang=<lang>&format=html`.
   */
  @property({ attribute: 'consent-href' }) consentHref?: string;

  @state() private changingPassword = false;
  /** Password fields whose text is shown. */
  @state() private revealed: ReadonlySet<string> = new Set();
  @state() private passwordChanged = false;
  @state() private signingOut = false;

  /** Contract schemas for the pre-checks; a chunk of their own, loaded while the person reads. */
  readonly #checks = new LazyChecksController(this, loadContractChecks);

  readonly #signIn = signInForm({
    host: this,
    client: () => this.client,
    checks: this.#checks,
    onSuccess: (auth) => this.#signedIn(auth),
  });

  readonly #register = registerForm({
    host: this,
    client: () => this.client,
    checks: this.#checks,
    onSuccess: (auth) => this.#signedIn(auth),
  });

  readonly #password = passwordForm({
    host: this,
    client: () => this.client,
    checks: this.#checks,
    onSuccess: ({ user }) => this.#passwordSaved(user),
  });

  /** The first field of the form shown (or the view's heading when it has none): where a person starts. */
  override focus(options?: FocusOptions): void {
    const root = this.renderRoot as ParentNode | undefined;
    const target = root?.querySelector<HTMLElement>('input') ?? root?.querySelector<HTMLElement>('[data-focus-target]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Signed out (here, in another element or another tab): drop what belonged to that user.
    if (!this.user && this.session.status !== 'restoring') {
      this.changingPassword = false;
      this.passwordChanged = false;
    }
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        ${this.#renderView()}
        <div role="status" part="status" class="status">${this.passwordChanged ? this.t.register.passwordChanged : nothing}</div>
      </div>
    `;
  }

  #renderView(): TemplateResult {
    const user = this.user;
    if (!user && this.session.status === 'restoring') {
      return html`<p class="restoring">${this.t.register.restoring}</p>`;
    }
    if (!user) return this.#renderSignedOut();
    if (user.mustChangePassword) return this.#renderPasswordForm(true);
    if (this.changingPassword) return this.#renderPasswordForm(false);
    return this.#renderSignedIn(user);
  }

  #renderSignedOut(): TemplateResult {
    const t = this.t.register;
    const tab = (mode: Mode, label: string) => html`
      <button
        type="button"
        part="button tab"
        class="tab"
        aria-pressed=${this.mode === mode ? 'true' : 'false'}
        @click=${() => this.#switchMode(mode)}
      >
        ${label}
      </button>
    `;
    return html`
      <div part="tabs" class="tabs" role="group" aria-label=${t.modeLabel}>
        ${tab('sign-in', t.signInTab)} ${tab('register', t.registerTab)}
      </div>
      ${this.mode === 'register' ? this.#renderRegisterForm() : this.#renderSignInForm()}
    `;
  }

  #renderSignInForm(): TemplateResult {
    const t = this.t;
    const form = this.#signIn;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onSignIn}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.register.signInTitle}</h2>
        <p class="intro">${t.register.signInIntro}</p>
        ${this.#phoneField(form)}
        ${this.#passwordInput(form, 'password', t.fields.password, 'current-password')}
        ${this.#formAlert(form)} ${this.#submitButton(form, t.register.signInSubmit)}
      </form>
    `;
  }

  /** The phone is the account's login, at sign-in and at registration alike. */
  #phoneField(form: FormState): TemplateResult {
    const t = this.t;
    return textField({
      name: 'phone',
      label: t.fields.phone,
      hint: t.fields.phoneHint,
      type: 'tel',
      inputmode: 'tel',
      autocomplete: 'tel',
      error: this.#fieldText(form, 'phone'),
    });
  }

  /** The 152-FZ consent checkbox with the link to its text: at registration, and at an imported patient's first password. */
  #consentField(form: FormState): TemplateResult {
    const t = this.t;
    const consentHref = this.consentHref || this.client.consentPageUrl(this.locale);
    return checkboxField({
      name: 'consent',
      label: t.fields.consent,
      error: this.#fieldText(form, 'consent'),
      after: html`
        <a part="consent-link" class="consent-link" href=${consentHref} target="_blank" rel="noopener">
          ${t.fields.consentLink}<span class="visually-hidden"> (${t.common.opensInNewWindow})</span>
        </a>
      `,
    });
  }

  #renderRegisterForm(): TemplateResult {
    const t = this.t;
    const form = this.#register;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onRegister}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.register.registerTitle}</h2>
        <p class="intro">${t.register.registerIntro}</p>
        ${textField({
          name: 'fullName',
          label: t.fields.fullName,
          hint: t.fields.fullNameHint,
          autocomplete: 'name',
          error: this.#fieldText(form, 'fullName'),
        })}
        ${textField({
          name: 'birthDate',
          label: t.fields.birthDate,
          type: 'date',
          autocomplete: 'bday',
          error: this.#fieldText(form, 'birthDate'),
        })}
        ${this.#phoneField(form)}
        ${textField({
          name: 'email',
          label: t.fields.email,
          optionalNote: t.common.optional,
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          error: this.#fieldText(form, 'email'),
        })}
        ${this.#passwordInput(form, 'password', t.fields.password, 'new-password', this.#passwordHint())}
        ${this.#consentField(form)}
        ${this.#formAlert(form)} ${this.#submitButton(form, t.register.registerSubmit)}
      </form>
    `;
  }

  /** The forced screen after a one-time password (`forced`), or the change the user asked for. */
  #renderPasswordForm(forced: boolean): TemplateResult {
    const t = this.t;
    const form = this.#password;
    const hint = this.#passwordHint();
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onChangePassword}>
        <h2 id="form-title" tabindex="-1" data-focus-target>
          ${forced ? t.register.forcedTitle : t.register.changePasswordTitle}
        </h2>
        ${forced ? html`<p class="intro">${t.register.forcedIntro}</p>` : nothing}
        ${forced
          ? nothing /* the sign-in with the SMS password proved it: not asked a second time */
          : this.#passwordInput(form, 'currentPassword', t.fields.currentPassword, 'current-password')}
        ${this.#passwordInput(form, 'newPassword', t.fields.newPassword, 'new-password', hint)}
        ${this.#passwordInput(form, 'repeatPassword', t.fields.repeatPassword, 'new-password')}
        ${forced && this.user?.role === 'patient' && !this.user.consentGiven ? this.#consentField(form) : nothing}
        ${this.#formAlert(form)}
        <div class="actions">
          ${this.#submitButton(form, t.register.changePasswordSubmit)}
          ${forced
            ? this.#signOutButton()
            : html`<button type="button" part="button cancel-button" @click=${this.#onCancelPasswordChange}>
                ${t.common.cancel}
              </button>`}
        </div>
      </form>
    `;
  }

  #renderSignedIn(user: User): TemplateResult {
    const t = this.t.register;
    return html`
      <section class="signed-in" aria-labelledby="signed-in-title">
        <h2 id="signed-in-title" tabindex="-1" data-focus-target>${t.signedInTitle}</h2>
        <p part="user" class="user">${t.signedInAs(user.fullName)}</p>
        <div class="actions">
          <button type="button" part="button change-password-button" @click=${this.#onStartPasswordChange}>
            ${t.changePassword}
          </button>
          ${this.#signOutButton()}
        </div>
      </section>
    `;
  }

  /** "At least 8 characters": the contract's plain limit, there from the first render. */
  #passwordHint(): string {
    return this.t.fields.newPasswordHint(PASSWORD_MIN_LENGTH);
  }

  #passwordInput(
    form: FormState,
    name: string,
    label: string,
    autocomplete: 'current-password' | 'new-password',
    hint?: string,
  ): TemplateResult {
    return passwordField({
      name,
      label,
      hint,
      autocomplete,
      error: this.#fieldText(form, name),
      revealed: this.revealed.has(name),
      showLabel: this.t.common.showPassword,
      hideLabel: this.t.common.hidePassword,
      onToggle: () => this.#toggleReveal(name),
    });
  }

  #submitButton(form: FormState, label: string): TemplateResult {
    return html`
      <button type="submit" class="primary" part="button submit" ?disabled=${form.pending}>
        ${form.pending ? this.t.register.sending : label}
      </button>
    `;
  }

  #signOutButton(): TemplateResult {
    return html`
      <button type="button" part="button sign-out-button" ?disabled=${this.signingOut} @click=${this.#onSignOut}>
        ${this.t.common.signOut}
      </button>
    `;
  }

  #formAlert(form: FormState): TemplateResult {
    return formAlert(form.formError === undefined ? undefined : describeError(this.t, form.formError));
  }

  #fieldText(form: FormState, field: string): string | undefined {
    const error = form.errorFor(field);
    return error && (this.#specialFieldText(error) ?? describeFieldError(this.t, error));
  }

  /** Words that fit one field better than the generic text of its code. */
  #specialFieldText(error: FieldError): string | undefined {
    if (error.field === 'phone' && error.code === 'taken') return this.t.errors.phone_taken;
    if (error.field === 'currentPassword' && error.code === 'invalid') return this.t.register.wrongCurrentPassword;
    return undefined;
  }

  #switchMode(mode: Mode): void {
    this.mode = mode;
    this.revealed = new Set();
    this.#signIn.reset();
    this.#register.reset();
  }

  #toggleReveal(name: string): void {
    const revealed = new Set(this.revealed);
    if (!revealed.delete(name)) revealed.add(name);
    this.revealed = revealed;
  }

  #onSignIn = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#signIn.submit(readSignIn(event));
  };

  #onRegister = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#register.submit(readRegistration(event));
  };

  #onChangePassword = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#password.submit(readPasswordChange(event));
  };

  #onStartPasswordChange = (): void => {
    this.passwordChanged = false;
    this.changingPassword = true;
    this.#password.reset();
    void this.#focusNewView();
  };

  #onCancelPasswordChange = (): void => {
    this.changingPassword = false;
    this.revealed = new Set();
    void this.#focusNewView();
  };

  #onSignOut = async (): Promise<void> => {
    if (this.signingOut) return;
    this.signingOut = true;
    try {
      await this.session.signOut();
    } finally {
      this.signingOut = false;
    }
    this.revealed = new Set();
    this.emit('oz-signed-out', {});
    await this.#focusNewView();
  };

  #signedIn(auth: AuthResponse): Promise<void> {
    this.session.adopt(auth, this.apiOrigin);
    this.revealed = new Set();
    this.#signIn.reset();
    this.#register.reset();
    this.emit('oz-signed-in', { user: auth.user });
    return this.#focusNewView();
  }

  #passwordSaved(user: User): Promise<void> {
    this.session.updateUser(user);
    this.changingPassword = false;
    this.passwordChanged = true;
    this.revealed = new Set();
    this.#password.reset();
    this.emit('oz-password-changed', { user });
    return this.#focusNewView();
  }

  /** After a view swaps, the focused control is gone: move focus to the new view's heading. */
  #focusNewView(): Promise<void> {
    return this.focusAfterUpdate('[data-focus-target]');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-register': OzRegister;
  }
}
