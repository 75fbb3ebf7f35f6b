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
  confirmPhoneForm,
  deleteAccountForm,
  passwordForm,
  phoneCodeForm,
  readCode,
  readPasswordChange,
  readPhone,
  readRegistration,
  readReset,
  readSignIn,
  registerForm,
  resetForm,
  signInForm,
} from './account-forms.ts';
import { isCompleteBirthDate, onBirthDateInput } from './birth-date.ts';
import { PhoneCodeController, countdown } from './phone-code.ts';
import { saveBlob } from '../oz-documents/save-blob.ts';
import type { AccountErasureView } from './account-erasure.ts';
import { styles } from './oz-register.styles.ts';
import { strings } from './strings.ts';

type Mode = 'sign-in' | 'register';

/**
 * @summary The resident's personal account (личный кабинет): sign in, register with an SMS code
 * and the 152-FZ consent, a forgotten password by SMS code («Забыли пароль?»), confirming the phone
 * of an account from before SMS codes, sign out, and set a new password — forced after signing in
 * with a one-time password from an SMS. Every element on the page shares the session it starts.
 *
 * @event oz-signed-in - The user signed in or registered here. `detail: { user }`.
 * @event oz-signed-out - The user signed out here, or deleted their account («Удалить аккаунт»). `detail: {}`.
 * @event oz-password-changed - The user set a new password here. `detail: { user }`.
 *
 * `focus()` goes to the first field of the form shown (to the view's heading when it has none), so a
 * page's "sign in to book" link can lead straight to it.
 *
 * @csspart base - The wrapper of everything.
 * @csspart tabs - The "Вход" / "Регистрация" switch; `tab` is each of its buttons.
 * @csspart tab - Each button of the switch.
 * @csspart form - Each form.
 * @csspart field - Each field (also `<name>-field`, e.g. `phone-field`).
 * @csspart phone-field - The phone field (each field also has `<name>-field`).
 * @csspart label - A field's label.
 * @csspart input - A text, date, phone or password input.
 * @csspart checkbox - The consent checkbox.
 * @csspart hint - Help text under a field.
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for the whole form.
 * @csspart field-error - The error next to a field.
 * @csspart form-error - The error of a whole form or action.
 * @csspart button - Every button; also `submit`, `sign-out-button`, `change-password-button`,
 *   `cancel-button`, `reveal-button`, `export-button`, `delete-account-button`, and in the
 *   «Удалить аккаунт» dialog `keep-button`, `confirm-button erase-button`, then `erased-ok-button`.
 * @csspart submit - Each form's main button.
 * @csspart sign-out-button - «Выйти».
 * @csspart change-password-button - Opens the password change.
 * @csspart cancel-button - Closes the password change.
 * @csspart reveal-button - Shows or hides a password.
 * @csspart export-button - «Скачать мои данные».
 * @csspart delete-account-button - «Удалить аккаунт»: opens the explanation and the password step.
 * @csspart keep-button - «Не удалять» in the «Удалить аккаунт» dialog.
 * @csspart confirm-button - The dialog's destructive «Удалить аккаунт навсегда» (also `erase-button`).
 * @csspart erase-button - The same button as `confirm-button`.
 * @csspart erased-ok-button - «Понятно» under the notice that the account was deleted.
 * @csspart change-phone-button - Back to the phone step to correct the number.
 * @csspart back-button - Back to the sign-in form.
 * @csspart dialog - The «Удалить аккаунт» dialog (also `erase-dialog`); `erase-form` its password form.
 * @csspart erase-dialog - The same dialog as `dialog`.
 * @csspart erase-form - The password form inside the dialog.
 * @csspart erased - The notice «Ваш аккаунт удалён» shown after the account was deleted.
 * @csspart consent-link - The link to the consent text.
 * @csspart resend-button - «Отправить ещё раз через 0:45», then «Отправить код ещё раз».
 * @csspart forgot-button - «Забыли пароль?» under the sign-in form.
 * @csspart user - "Вы вошли как …".
 * @csspart export - «Скачать мои данные» for a signed-in patient: its hint, `export-button` and error (the confirmation is in `status`).
 * @csspart status - Confirmations such as "Новый пароль сохранён", «Файл с вашими данными сохранён».
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
  static override strings = [strings];

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
  /** «Забыли пароль?» was chosen: the reset steps replace the sign-in form. */
  @state() private resetting = false;
  /** The reset answered that this patient (imported by referral) still has to consent. */
  @state() private resetNeedsConsent = false;
  @state() private phoneConfirmedNow = false;
  /** «Скачать мои данные»: not asked, on its way, saved, or why it failed. */
  @state() private exportState: 'idle' | 'pending' | 'saved' | { error: unknown } = 'idle';
  /** «Удалить аккаунт»: its chunk (loaded at the first press), on its way, or why it did not come. */
  @state() private erasure: AccountErasureView | 'loading' | { error: unknown } | undefined;
  /** The account was deleted here: the notice replaces the sign-in form until it is dismissed. */
  @state() private accountErased = false;

  readonly #registerCode = new PhoneCodeController(this, (phone) => this.client.requestPhoneCode({ phone, purpose: 'register' }));
  readonly #resetCode = new PhoneCodeController(this, (phone) => this.client.requestPhoneCode({ phone, purpose: 'reset' }));
  readonly #confirmCode = new PhoneCodeController(this, () => this.client.requestPhoneConfirmationCode());

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

  readonly #registerPhone = phoneCodeForm({
    host: this,
    checks: this.#checks,
    purpose: 'register',
    send: (phone) => this.#registerCode.send(phone),
    onSuccess: () => this.focusAfterUpdate('#code-input'),
  });

  readonly #resetPhone = phoneCodeForm({
    host: this,
    checks: this.#checks,
    purpose: 'reset',
    send: (phone) => this.#resetCode.send(phone),
    onSuccess: () => this.focusAfterUpdate('#code-input'),
  });

  readonly #confirmSend = phoneCodeForm({
    host: this,
    checks: this.#checks,
    send: (phone) => this.#confirmCode.send(phone),
    onSuccess: () => this.focusAfterUpdate('#code-input'),
  });

  readonly #reset = resetForm({
    host: this,
    client: () => this.client,
    checks: this.#checks,
    onSuccess: (auth) => this.#signedIn(auth),
  });

  readonly #confirm = confirmPhoneForm({
    host: this,
    client: () => this.client,
    checks: this.#checks,
    onSuccess: ({ user }) => this.#phoneConfirmed(user),
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
      this.phoneConfirmedNow = false;
      if (this.#confirmCode.sent) this.#confirmCode.clear();
    }
    // Someone signed in (here or in another element): the notice of an erased account is done.
    if (this.user) this.accountErased = false;
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        ${this.#renderView()}
        <div role="status" part="status" class="status">${this.#statusText()}</div>
      </div>
    `;
  }

  /** No whitespace around it in the template: an empty status must stay :empty, or its box shows. */
  #statusText(): string | typeof nothing {
    if (this.passwordChanged) return this.t.register.passwordChanged;
    if (this.exportState === 'saved') return this.t.register.exportDataSaved;
    return this.phoneConfirmedNow ? this.t.register.phoneConfirmed : nothing;
  }

  #renderView(): TemplateResult {
    const user = this.user;
    if (!user && this.session.status === 'restoring') {
      return html`<p class="restoring">${this.t.register.restoring}</p>`;
    }
    if (!user && this.accountErased && this.erasure instanceof Object && 'renderDone' in this.erasure) {
      return this.erasure.renderDone(this.#onErasedOk);
    }
    if (!user) return this.#renderSignedOut();
    if (user.mustChangePassword) return this.#renderPasswordForm(true);
    if (!user.phoneConfirmed) return this.#renderConfirmPhone(user);
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
      ${this.mode === 'register' ? this.#renderRegister() : this.resetting ? this.#renderReset() : this.#renderSignInForm()}
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
      <button type="button" part="button forgot-button" class="link-button" @click=${this.#onForgot}>${t.register.forgotPassword}</button>
    `;
  }

  /** Step one of a code: the phone and «Получить код». */
  #renderPhoneStep(form: FormState, title: string, intro: string, onSubmit: (event: SubmitEvent) => void): TemplateResult {
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${onSubmit}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${title}</h2>
        <p class="intro">${intro}</p>
        ${this.#phoneField(form)} ${this.#formAlert(form)} ${this.#submitButton(form, this.t.register.getCode)}
      </form>
    `;
  }

  /** The code field, its resend countdown and (where the number was typed here) «Изменить номер». */
  #codeField(form: FormState, codes: PhoneCodeController, onChangePhone?: () => void): TemplateResult {
    const t = this.t;
    const sent = codes.sent!;
    const wait = codes.secondsToResend;
    return html`
      ${sent.alreadySent ? html`<p class="note">${t.register.codeAlreadySent}</p>` : nothing}
      ${textField({
        name: 'code',
        label: t.fields.code,
        hint: t.fields.codeHint(sent.phone),
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        error: this.#fieldText(form, 'code'),
      })}
      <div class="code-actions">
        <button
          type="button"
          part="button resend-button"
          class="resend"
          ?disabled=${wait > 0 || codes.resendPending}
          @click=${() => void codes.resend()}
        >
          ${wait > 0 ? t.register.resendIn(countdown(wait)) : codes.resendPending ? t.register.sending : t.register.resend}
        </button>
        ${onChangePhone
          ? html`<button type="button" part="button change-phone-button" class="link-button" @click=${onChangePhone}>${t.register.changePhone}</button>`
          : nothing}
      </div>
      <p class="code-status" role="status">${codes.resent ? t.register.codeResent : nothing}</p>
      ${codes.resendError === undefined ? nothing : html`<p class="field-error" part="error" role="alert">${describeError(t, codes.resendError)}</p>`}
    `;
  }

  #renderRegister(): TemplateResult {
    const t = this.t.register;
    if (!this.#registerCode.sent) return this.#renderPhoneStep(this.#registerPhone, t.registerTitle, t.registerPhoneIntro, this.#onRegisterPhone);
    return this.#renderRegisterForm();
  }

  #renderReset(): TemplateResult {
    const t = this.t;
    const back = html`<button type="button" part="button back-button" class="link-button" @click=${this.#onBackToSignIn}>${t.register.backToSignIn}</button>`;
    if (!this.#resetCode.sent) {
      return html`${this.#renderPhoneStep(this.#resetPhone, t.register.resetTitle, t.register.resetIntro, this.#onResetPhone)} ${back}`;
    }
    const form = this.#reset;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onReset}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.register.resetTitle}</h2>
        <p class="intro">${t.register.resetCodeIntro}</p>
        ${this.#codeField(form, this.#resetCode, this.#onChangeResetPhone)}
        ${this.#passwordInput(form, 'newPassword', t.fields.newPassword, 'new-password', this.#passwordHint())}
        ${this.resetNeedsConsent ? this.#consentField(form) : nothing}
        ${this.#formAlert(form)} ${this.#submitButton(form, t.register.resetSubmit)}
      </form>
      ${back}
    `;
  }

  /** An account from before SMS codes: the phone is confirmed once, at this sign-in. */
  #renderConfirmPhone(user: User): TemplateResult {
    const t = this.t.register;
    if (!this.#confirmCode.sent) {
      const form = this.#confirmSend;
      return html`
        <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onConfirmSend}>
          <h2 id="form-title" tabindex="-1" data-focus-target>${t.confirmTitle}</h2>
          <p class="intro">${t.confirmIntro(user.phone)}</p>
          ${this.#formAlert(form)}
          <div class="actions">${this.#submitButton(form, t.getCode)} ${this.#signOutButton()}</div>
        </form>
      `;
    }
    const form = this.#confirm;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onConfirm}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.confirmTitle}</h2>
        ${this.#codeField(form, this.#confirmCode)} ${this.#formAlert(form)}
        <div class="actions">${this.#submitButton(form, t.confirmSubmit)} ${this.#signOutButton()}</div>
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
        <a
          part="consent-link"
          class="consent-link"
          href=${consentHref}
          target="_blank"
          rel="noopener"
          aria-label=${`${t.fields.consentLink} (${t.common.opensInNewWindow})`}
        >
          ${t.fields.consentLink}
        </a>
      `,
    });
  }

  #renderRegisterForm(): TemplateResult {
    const t = this.t;
    const form = this.#register;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onRegister} @input=${this.#onRegisterInput}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.register.registerTitle}</h2>
        <p class="intro">${t.register.registerIntro}</p>
        ${this.#codeField(form, this.#registerCode, this.#onChangeRegisterPhone)}
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
          hint: t.fields.birthDateHint,
          inputmode: 'numeric',
          autocomplete: 'bday',
          error: this.#fieldText(form, 'birthDate'),
        })}
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
        ${user.role === 'patient' ? html`${this.#renderExport()} ${this.#renderErase()}` : nothing}
      </section>
    `;
  }

  /** «Скачать мои данные» (152-FZ art. 14): fetched with the token in a header, saved from a blob. */
  #renderExport(): TemplateResult {
    const t = this.t.register;
    const state = this.exportState;
    return html`
      <div class="export" part="export">
        <p class="hint" part="hint" id="export-hint">${t.exportDataHint}</p>
        <button type="button" part="button export-button" aria-describedby="export-hint" ?disabled=${state === 'pending'} @click=${this.#onExport}>
          ${state === 'pending' ? t.exportDataPreparing : t.exportData}
        </button>
        ${state instanceof Object ? formAlert(`${t.exportDataFailed} ${describeError(this.t, state.error)}`) : nothing}
      </div>
    `;
  }

  /** «Удалить аккаунт»: the button here; its explanation and password step come in a chunk of their own. */
  #renderErase(): TemplateResult {
    const erasure = this.erasure;
    const failed = erasure instanceof Object && 'error' in erasure ? erasure.error : undefined;
    return html`
      <div class="erase">
        <button type="button" class="danger" part="button delete-account-button" ?disabled=${erasure === 'loading'} @click=${this.#onErase}>
          ${this.t.register.deleteAccount}
        </button>
        ${failed === undefined ? nothing : formAlert(describeError(this.t, failed))}
        ${erasure instanceof Object && 'render' in erasure ? erasure.render() : nothing}
      </div>
    `;
  }

  #onErase = async (event: Event): Promise<void> => {
    const invoker = event.currentTarget as HTMLElement;
    if (!(this.erasure instanceof Object && 'open' in this.erasure)) {
      this.erasure = 'loading';
      try {
        const { createAccountErasure } = await import('./account-erasure.ts');
        const host = this.viewHost({
          erased: () => this.#accountErased(),
          passwordForm: (onSuccess: () => void) => deleteAccountForm({ host: this, client: () => this.client, checks: this.#checks, onSuccess }),
          describe: (error: unknown) => describeError(this.t, error),
          describeField: (error: FieldError) => describeFieldError(this.t, error),
        });
        this.erasure = await createAccountErasure(host, this.locale);
      } catch (error) {
        this.erasure = { error };
        return;
      }
    }
    await this.erasure.open(invoker);
  };

  /** The API deleted the account and ended its sessions: forget it here too, and say so. */
  #accountErased(): void {
    this.session.clear();
    this.accountErased = true;
    this.exportState = 'idle';
    this.revealed = new Set();
    this.emit('oz-signed-out', {});
    void this.#focusNewView();
  }

  #onErasedOk = (): void => {
    this.accountErased = false;
    void this.#focusNewView();
  };

  #onExport = async (): Promise<void> => {
    this.exportState = 'pending';
    this.passwordChanged = false;
    try {
      saveBlob(await this.client.myDataExport(), this.t.register.exportDataFileName, this.renderRoot);
      this.exportState = 'saved';
    } catch (error) {
      this.exportState = { error };
    }
  };

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
    if (error.field === 'birthDate' && error.code === 'date_invalid') {
      const typed = this.renderRoot.querySelector<HTMLInputElement>('#birthDate-input')?.value ?? '';
      return isCompleteBirthDate(typed) ? this.t.fields.birthDateImpossible : this.t.fields.birthDateIncomplete;
    }
    return undefined;
  }

  #switchMode(mode: Mode): void {
    this.mode = mode;
    this.revealed = new Set();
    this.resetting = false;
    this.#signIn.reset();
    this.#register.reset();
    this.#registerPhone.reset();
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
    void this.#register.submit(readRegistration(event, this.#registerCode.sent!.phone));
  };

  /** The birth date gets its dots as it is typed. */
  #onRegisterInput = (event: Event): void => {
    if ((event.target as HTMLInputElement).name === 'birthDate') onBirthDateInput(event);
  };

  #onRegisterPhone = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#registerPhone.submit(readPhone(event));
  };

  #onChangeRegisterPhone = (): void => {
    this.#registerCode.clear();
    this.#register.reset();
    void this.focusAfterUpdate('#phone-input');
  };

  #onForgot = (): void => {
    this.resetting = true;
    this.revealed = new Set();
    this.#signIn.reset();
    void this.#focusNewView();
  };

  #onBackToSignIn = (): void => {
    this.resetting = false;
    this.resetNeedsConsent = false;
    this.#resetCode.clear();
    this.#resetPhone.reset();
    this.#reset.reset();
    void this.#focusNewView();
  };

  #onResetPhone = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#resetPhone.submit(readPhone(event));
  };

  #onChangeResetPhone = (): void => {
    this.#resetCode.clear();
    this.#reset.reset();
    void this.focusAfterUpdate('#phone-input');
  };

  #onReset = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    await this.#reset.submit(readReset(event, this.#resetCode.sent!.phone));
    // A patient imported by referral gives the 152-FZ consent with their first own password.
    if (this.#reset.errorFor('consent')?.code === 'consent_required' && !this.resetNeedsConsent) {
      this.resetNeedsConsent = true;
    }
  };

  #onConfirmSend = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.user) void this.#confirmSend.submit({ phone: this.user.phone });
  };

  #onConfirm = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#confirm.submit(readCode(event));
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
    this.exportState = 'idle';
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
    this.exportState = 'idle';
    this.resetting = false;
    this.resetNeedsConsent = false;
    this.accountErased = false;
    this.#signIn.reset();
    this.#register.reset();
    this.#reset.reset();
    this.#registerCode.clear();
    this.#resetCode.clear();
    this.emit('oz-signed-in', { user: auth.user });
    return this.#focusNewView();
  }

  #phoneConfirmed(user: User): Promise<void> {
    this.session.updateUser(user);
    this.phoneConfirmedNow = true;
    this.#confirmCode.clear();
    this.#confirm.reset();
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
