import type { AuthResponse, FieldError, User } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { FormState } from '../../controllers/form-submit.ts';
import { describeError } from '../../internal/describe-error.ts';
import { textField } from '../../internal/fields.ts';
import { viewState } from '../../internal/view-state.ts';
import { confirmPhoneForm, phoneCodeForm, readCode, readPhone, readRegistration, readReset, readSignIn, registerForm, resetForm, signInForm } from './account-forms.ts';
import { isCompleteBirthDate, onBirthDateInput } from './birth-date.ts';
import { PhoneCodeController, countdown } from './phone-code.ts';
import type { Mode, RegisterHost } from './register-host.ts';
// The page's session straight from oz.js, not lent by the element: a part chunk that reached oz.js's
// modules only through the shared chunk made the bundler split the API errors out of oz.js, one
// more file on every page (packages/widgets/test/built/bundle.test.ts: "oz.js imports nothing").
import { session } from '../../session/session.ts';

interface SignedOutState {
  /** «Забыли пароль?» was chosen: the reset steps replace the sign-in form. */
  resetting: boolean;
  /** The reset answered that this patient (imported by referral) still has to consent. */
  resetNeedsConsent: boolean;
}

/**
 * The way into <oz-register>'s account (a chunk a signed-in resident never downloads): sign in,
 * register with an SMS code and the 152-FZ consent, a forgotten password by SMS code, and
 * confirming the phone of an account from before SMS codes, the last step of its sign-in.
 */
export class SignInForms {
  readonly #host: RegisterHost;
  readonly #state: SignedOutState;
  readonly #registerCode: PhoneCodeController;
  readonly #resetCode: PhoneCodeController;
  readonly #confirmCode: PhoneCodeController;
  readonly #signIn: ReturnType<typeof signInForm>;
  readonly #register: ReturnType<typeof registerForm>;
  readonly #reset: ReturnType<typeof resetForm>;
  /** «Получить код» of each step: registration, a forgotten password, confirming the phone. */
  readonly #registerPhone: ReturnType<typeof phoneCodeForm>;
  readonly #resetPhone: ReturnType<typeof phoneCodeForm>;
  readonly #confirmSend: ReturnType<typeof phoneCodeForm>;
  readonly #confirm: ReturnType<typeof confirmPhoneForm>;

  constructor(host: RegisterHost) {
    this.#host = host;
    const element = host.element;
    const client = () => host.client;
    this.#state = viewState<SignedOutState>(element, { resetting: false, resetNeedsConsent: false });
    this.#registerCode = new PhoneCodeController(element, (phone) => client().requestPhoneCode({ phone, purpose: 'register' }));
    this.#resetCode = new PhoneCodeController(element, (phone) => client().requestPhoneCode({ phone, purpose: 'reset' }));
    this.#confirmCode = new PhoneCodeController(element, () => client().requestPhoneConfirmationCode());
    const checks = host.checks;
    const toCode = () => host.focusAfterUpdate('#code-input');
    const signedIn = (auth: AuthResponse) => host.signedIn(auth);
    this.#signIn = signInForm({ host: element, client, checks, onSuccess: signedIn });
    this.#register = registerForm({ host: element, client, checks, onSuccess: signedIn });
    this.#reset = resetForm({ host: element, client, checks, onSuccess: signedIn });
    this.#registerPhone = phoneCodeForm({ host: element, checks, purpose: 'register', send: (phone) => this.#registerCode.send(phone), onSuccess: toCode });
    this.#resetPhone = phoneCodeForm({ host: element, checks, purpose: 'reset', send: (phone) => this.#resetCode.send(phone), onSuccess: toCode });
    this.#confirmSend = phoneCodeForm({ host: element, checks, send: (phone) => this.#confirmCode.send(phone), onSuccess: toCode });
    this.#confirm = confirmPhoneForm({ host: element, client, checks, onSuccess: ({ user }) => this.#phoneConfirmed(user) });
  }

  /** Someone signed in or out: no form keeps what was typed for the one before. */
  userChanged(): void {
    for (const form of [this.#signIn, this.#register, this.#reset, this.#registerPhone, this.#resetPhone, this.#confirmSend, this.#confirm]) form.reset();
    for (const codes of [this.#registerCode, this.#resetCode, this.#confirmCode]) if (codes.sent) codes.clear();
    Object.assign(this.#state, { resetting: false, resetNeedsConsent: false });
  }

  /** The forms for nobody signed in; for `user`, the confirmation of their phone. */
  render(user: User | null): TemplateResult {
    return user ? this.#renderConfirmPhone(user) : this.#renderSignedOut();
  }

  #renderSignedOut(): TemplateResult {
    const t = this.#host.t.register;
    const mode = this.#host.mode();
    const tab = (tabMode: Mode, label: string) => html`
      <button
        type="button"
        part="button tab"
        class="tab"
        aria-pressed=${mode === tabMode ? 'true' : 'false'}
        @click=${() => this.#switchMode(tabMode)}
      >
        ${label}
      </button>
    `;
    return html`
      <div part="tabs" class="tabs" role="group" aria-label=${t.modeLabel}>
        ${tab('sign-in', t.signInTab)} ${tab('register', t.registerTab)}
      </div>
      ${mode === 'register' ? this.#renderRegister() : this.#state.resetting ? this.#renderReset() : this.#renderSignInForm()}
    `;
  }

  #renderSignInForm(): TemplateResult {
    const t = this.#host.t;
    const fields = this.#host.fields;
    const form = this.#signIn;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onSignIn}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.register.signInTitle}</h2>
        <p class="intro">${t.register.signInIntro}</p>
        ${this.#phoneField(form)}
        ${fields.password(form, 'password', t.fields.password, 'current-password')}
        ${fields.alert(form)} ${fields.submit(form, t.register.signInSubmit)}
      </form>
      <button type="button" part="button forgot-button" class="link-button" @click=${this.#onForgot}>${t.register.forgotPassword}</button>
    `;
  }

  /** Step one of a code: the phone and «Получить код». */
  #renderPhoneStep(form: FormState, title: string, intro: string, onSubmit: (event: SubmitEvent) => void): TemplateResult {
    const fields = this.#host.fields;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${onSubmit}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${title}</h2>
        <p class="intro">${intro}</p>
        ${this.#phoneField(form)} ${fields.alert(form)} ${fields.submit(form, this.#host.t.register.getCode)}
      </form>
    `;
  }

  /** The code field, its resend countdown and (where the number was typed here) «Изменить номер». */
  #codeField(form: FormState, codes: PhoneCodeController, onChangePhone?: () => void): TemplateResult {
    const t = this.#host.t;
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
        error: this.#host.fields.fieldText(form, 'code'),
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
    const t = this.#host.t.register;
    if (!this.#registerCode.sent) return this.#renderPhoneStep(this.#registerPhone, t.registerTitle, t.registerPhoneIntro, this.#onRegisterPhone);
    return this.#renderRegisterForm();
  }

  #renderReset(): TemplateResult {
    const t = this.#host.t;
    const fields = this.#host.fields;
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
        ${fields.password(form, 'newPassword', t.fields.newPassword, 'new-password', fields.newPasswordHint())}
        ${this.#state.resetNeedsConsent ? fields.consent(form) : nothing}
        ${fields.alert(form)} ${fields.submit(form, t.register.resetSubmit)}
      </form>
      ${back}
    `;
  }

  /** An account from before SMS codes: the phone is confirmed once, at this sign-in. */
  #renderConfirmPhone(user: User): TemplateResult {
    const t = this.#host.t.register;
    const fields = this.#host.fields;
    if (!this.#confirmCode.sent) {
      const form = this.#confirmSend;
      return html`
        <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onConfirmSend}>
          <h2 id="form-title" tabindex="-1" data-focus-target>${t.confirmTitle}</h2>
          <p class="intro">${t.confirmIntro(user.phone)}</p>
          ${fields.alert(form)}
          <div class="actions">${fields.submit(form, t.getCode)} ${this.#host.signOutButton()}</div>
        </form>
      `;
    }
    const form = this.#confirm;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onConfirm}>
        <h2 id="form-title" tabindex="-1" data-focus-target>${t.confirmTitle}</h2>
        ${this.#codeField(form, this.#confirmCode)} ${fields.alert(form)}
        <div class="actions">${fields.submit(form, t.confirmSubmit)} ${this.#host.signOutButton()}</div>
      </form>
    `;
  }

  /** The phone is the account's login, at sign-in and at registration alike. */
  #phoneField(form: FormState): TemplateResult {
    const t = this.#host.t;
    return textField({
      name: 'phone',
      label: t.fields.phone,
      hint: t.fields.phoneHint,
      type: 'tel',
      inputmode: 'tel',
      autocomplete: 'tel',
      error: this.#host.fields.fieldText(form, 'phone'),
    });
  }

  #renderRegisterForm(): TemplateResult {
    const t = this.#host.t;
    const fields = this.#host.fields;
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
          error: fields.fieldText(form, 'fullName'),
        })}
        ${textField({
          name: 'birthDate',
          label: t.fields.birthDate,
          hint: t.fields.birthDateHint,
          inputmode: 'numeric',
          autocomplete: 'bday',
          error: fields.fieldText(form, 'birthDate', this.#birthDateText),
        })}
        ${textField({
          name: 'email',
          label: t.fields.email,
          optionalNote: t.common.optional,
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          error: fields.fieldText(form, 'email'),
        })}
        ${fields.password(form, 'password', t.fields.password, 'new-password', fields.newPasswordHint())}
        ${fields.consent(form)}
        ${fields.alert(form)} ${fields.submit(form, t.register.registerSubmit)}
      </form>
    `;
  }

  /** An impossible date (31.02) and a short one say different things. */
  #birthDateText = (error: FieldError): string | undefined => {
    if (error.code !== 'date_invalid') return undefined;
    const t = this.#host.t;
    const typed = this.#host.element.renderRoot.querySelector<HTMLInputElement>('#birthDate-input')?.value ?? '';
    return isCompleteBirthDate(typed) ? t.fields.birthDateImpossible : t.fields.birthDateIncomplete;
  };

  #switchMode(mode: Mode): void {
    this.#host.setMode(mode);
    this.#host.fields.hidePasswords();
    this.#state.resetting = false;
    this.#signIn.reset();
    this.#register.reset();
    this.#registerPhone.reset();
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
    void this.#host.focusAfterUpdate('#phone-input');
  };

  #onForgot = (): void => {
    this.#state.resetting = true;
    this.#host.fields.hidePasswords();
    this.#signIn.reset();
    void this.#host.focusNewView();
  };

  #onBackToSignIn = (): void => {
    Object.assign(this.#state, { resetting: false, resetNeedsConsent: false });
    this.#resetCode.clear();
    this.#resetPhone.reset();
    this.#reset.reset();
    void this.#host.focusNewView();
  };

  #onResetPhone = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#resetPhone.submit(readPhone(event));
  };

  #onChangeResetPhone = (): void => {
    this.#resetCode.clear();
    this.#reset.reset();
    void this.#host.focusAfterUpdate('#phone-input');
  };

  #onReset = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    await this.#reset.submit(readReset(event, this.#resetCode.sent!.phone));
    // A patient imported by referral gives the 152-FZ consent with their first own password.
    if (this.#reset.errorFor('consent')?.code === 'consent_required') this.#state.resetNeedsConsent = true;
  };

  #onConfirmSend = (event: SubmitEvent): void => {
    event.preventDefault();
    const user = this.#host.user;
    if (user) void this.#confirmSend.submit({ phone: user.phone });
  };

  #onConfirm = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#confirm.submit(readCode(event));
  };

  #phoneConfirmed(user: User): Promise<void> {
    session.updateUser(user);
    this.#host.say((t) => t.register.phoneConfirmed);
    this.#confirmCode.clear();
    this.#confirm.reset();
    return this.#host.focusNewView();
  }
}
