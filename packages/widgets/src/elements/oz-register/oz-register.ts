import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LazyChecksController } from '../../controllers/lazy-checks.ts';
import { loadingLine } from '../../controllers/load.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { loadContractChecks } from '../../internal/contracts.ts';
import { describeError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { precheck } from '../../internal/precheck.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { SignedInPart } from '../../internal/signed-in-part.ts';
import { SignedOutPart } from '../../internal/signed-out-part.ts';
import { AccountFields } from './account-fields.ts';
import type { RegisterHost, StatusWords } from './register-host.ts';
import type { AccountView } from './register-signed-in.ts';
import type { SignInForms } from './register-signed-out.ts';
import { styles } from './oz-register.styles.ts';
import { strings } from './strings.ts';

/**
 * Which form a signed-out visitor sees first. Declared here, beside the property: the manifest's
 * plugin writes out an alias of this module as its values (the configurator offers them).
 */
export type Mode = 'sign-in' | 'register';

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
 *   «Удалить аккаунт» dialog `keep-button`, `confirm-button erase-button`, then `erased-ok-button`;
 *   `retry-button` after a failed load.
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
 * @csspart load-error - The forms or the signed-in view could not be loaded (a lost connection): its
 *   `error` text and the `retry-button`.
 * @csspart retry-button - Loads them again.
 * @csspart loading - «Проверяем вход…» while a stored session is checked, or the forms load.
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

  /** The `status` line: a confirmation such as «Новый пароль сохранён», until the next one or another user. */
  @state() private status: StatusWords | undefined;
  @state() private signingOut = false;

  /** Contract schemas for the pre-checks; a chunk of their own, loaded while the person reads. */
  readonly #checks = new LazyChecksController(this, loadContractChecks);

  readonly #fields = new AccountFields(this, () => this.t, () => this.consentHref || this.client.consentPageUrl(this.locale));

  /** Who is signed in, for the parts; this element draws its own views, never the gate's prompt. */
  readonly #gate = new SignInGate(this, { words: (t) => ({ restoring: t.register.restoring, signInPrompt: t.register.signInTitle }) });

  /**
   * The forms of the way in, in a chunk a signed-in resident never downloads (see SignedOutPart);
   * also for an account from before SMS codes, whose sign-in ends with confirming the phone.
   */
  readonly #signedOut = new SignedOutPart<SignInForms>(
    this,
    this.#gate,
    () => import('./register-signed-out.ts').then((module) => new module.SignInForms(this.#viewHost())),
    (user) => !user.phoneConfirmed,
  );

  /** The signed-in view and the password forms, in a chunk a visitor never downloads (see SignedInPart). */
  readonly #signedIn = new SignedInPart<AccountView>(this, this.#gate, () =>
    import('./register-signed-in.ts').then((module) => new module.AccountView(this.#viewHost())),
  );

  /** The first field of the form shown (or the view's heading when it has none): where a person starts. */
  override focus(options?: FocusOptions): void {
    const root = this.renderRoot as ParentNode | undefined;
    const target = root?.querySelector<HTMLElement>('input') ?? root?.querySelector<HTMLElement>('[data-focus-target]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Signed in or out (here, in another element or another tab): nothing typed for, or said to, the one before stays. */
  protected override userChanged(): void {
    this.status = undefined;
    this.#fields.hidePasswords();
    this.#signedOut.view?.userChanged();
    this.#signedIn.view?.userChanged(this.user !== null);
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        ${this.#renderView()}
        <div role="status" part="status" class="status">${this.status?.(this.t) ?? nothing}</div>
      </div>
    `;
  }

  /** The view for who is signed in, from the part that holds it; each part's render waited for its code. */
  #renderView(): unknown {
    const t = this.t.register;
    const user = this.user;
    // Text from the first paint, as every element: the heading, then what it waits for.
    if (this.#gate.restoring) return html`<h2>${t.signedInTitle}</h2>${loadingLine(t.restoring)}`;
    const words = { loading: t.restoring, retry: t.retry, describe: (error: unknown) => describeError(this.t, error) };
    const retry = () => this.requestUpdate();
    const signInForms = () => this.#signedOut.render(words, (view) => view.render(user), retry);
    if (!user) return this.#signedIn.view?.renderErased() ?? signInForms();
    // The one-time password is replaced first: until then the API refuses even the phone's confirmation.
    if (!user.mustChangePassword && !user.phoneConfirmed) return signInForms();
    return this.#signedIn.render(words, (view) => view.render(user), retry);
  }

  #signOutButton(): TemplateResult {
    return html`
      <button type="button" part="button sign-out-button" ?disabled=${this.signingOut} @click=${this.#onSignOut}>
        ${this.t.common.signOut}
      </button>
    `;
  }

  #onSignOut = async (): Promise<void> => {
    if (this.signingOut) return;
    this.signingOut = true;
    try {
      await this.session.signOut();
    } finally {
      this.signingOut = false;
    }
    this.emit('oz-signed-out', {});
    await this.#focusNewView();
  };

  /** This element as its parts see it. */
  #viewHost(): RegisterHost {
    const extras: Omit<RegisterHost, keyof ViewHost> = {
      mode: () => this.mode,
      setMode: (mode) => {
        this.mode = mode;
      },
      checks: (schema, input) => this.#checks.check((loaded) => precheck(loaded, schema(loaded), input)),
      fields: this.#fields,
      signOutButton: () => this.#signOutButton(),
      say: (words) => {
        this.status = words;
      },
      signedIn: (auth) => {
        this.session.adopt(auth, this.apiOrigin);
        this.emit('oz-signed-in', { user: auth.user });
        return this.#focusNewView();
      },
      accountErased: () => {
        this.session.clear();
        this.emit('oz-signed-out', {});
        void this.#focusNewView();
      },
      focusNewView: () => this.#focusNewView(),
    };
    return this.viewHost(extras);
  }

  /**
   * After a view swaps, the focused control is gone: move focus to the new view's heading. Unless
   * the focus went elsewhere meanwhile: a view whose chunk was still on its way comes a moment later,
   * when another element may have taken the focus on the same sign-in (the duty schedule the person
   * came from brings them back to the time they chose).
   */
  async #focusNewView(): Promise<void> {
    await this.updateComplete;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost || this.matches(':focus-within')) this.focusFirst('[data-focus-target]');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-register': OzRegister;
  }
}
