import type { FieldError, User } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError, describeFieldError } from '../../internal/describe-error.ts';
import { formAlert } from '../../internal/fields.ts';
import { viewState } from '../../internal/view-state.ts';
import { saveBlob } from '../oz-documents/save-blob.ts';
import type { AccountErasureView, ErasureHost } from './account-erasure.ts';
import { deleteAccountForm, passwordForm, readPasswordChange } from './password-forms.ts';
import type { RegisterHost } from './register-host.ts';
// The page's session straight from oz.js, not lent by the element: a part chunk that reached oz.js's
// modules only through the shared chunk made the bundler split the API errors out of oz.js, one
// more file on every page (packages/widgets/test/built/bundle.test.ts: "oz.js imports nothing").
import { session } from '../../session/session.ts';

interface SignedInState {
  changingPassword: boolean;
  /** «Скачать мои данные»: not asked (or done: the status line says so), on its way, or why it failed. */
  exportState: 'idle' | 'pending' | { error: unknown };
  /** «Удалить аккаунт»: its chunk (loaded at the first press), on its way, or why it did not come. */
  erasure: AccountErasureView | 'loading' | { error: unknown } | undefined;
  /** The account was deleted here: the notice replaces the sign-in form until it is dismissed. */
  erased: boolean;
}

/**
 * The signed-in side of <oz-register> (a chunk a visitor who is not signed in never downloads):
 * who is signed in, sign out, the password change, also the forced one after signing in with a
 * one-time password from an SMS (it comes right after a sign-in, when this part is fetched anyway),
 * «Скачать мои данные» and «Удалить аккаунт», whose dialog is a chunk of its own.
 */
export class AccountView {
  readonly #host: RegisterHost;
  readonly #state: SignedInState;
  readonly #password: ReturnType<typeof passwordForm>;

  constructor(host: RegisterHost) {
    this.#host = host;
    const element = host.element;
    this.#state = viewState<SignedInState>(element, { changingPassword: false, exportState: 'idle', erasure: undefined, erased: false });
    this.#password = passwordForm({ host: element, client: () => host.client, checks: host.checks, onSuccess: ({ user }) => this.#passwordSaved(user) });
  }

  /** Another person signed in, or the user signed out: nothing of theirs stays; the notice of an erased account only until someone signs in. */
  userChanged(signedIn: boolean): void {
    this.#password.reset();
    Object.assign(this.#state, { changingPassword: false, exportState: 'idle', erased: this.#state.erased && !signedIn });
  }

  render(user: User): TemplateResult {
    if (user.mustChangePassword) return this.#renderPasswordForm(user, true);
    if (this.#state.changingPassword) return this.#renderPasswordForm(user, false);
    return this.#renderSignedIn(user);
  }

  /** After the account was deleted here, in place of the sign-in form: what happened. */
  renderErased(): TemplateResult | undefined {
    const erasure = this.#state.erasure;
    if (!this.#state.erased || !(erasure instanceof Object && 'renderDone' in erasure)) return undefined;
    return erasure.renderDone(this.#onErasedOk);
  }

  /** The forced screen after a one-time password (`forced`), or the change the user asked for. */
  #renderPasswordForm(user: User, forced: boolean): TemplateResult {
    const t = this.#host.t;
    const fields = this.#host.fields;
    const form = this.#password;
    return html`
      <form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.#onChangePassword}>
        <h2 id="form-title" tabindex="-1" data-focus-target>
          ${forced ? t.register.forcedTitle : t.register.changePasswordTitle}
        </h2>
        ${forced ? html`<p class="intro">${t.register.forcedIntro}</p>` : nothing}
        ${forced
          ? nothing /* the sign-in with the SMS password proved it: not asked a second time */
          : fields.password(form, 'currentPassword', t.fields.currentPassword, 'current-password')}
        ${fields.password(form, 'newPassword', t.fields.newPassword, 'new-password', fields.newPasswordHint())}
        ${fields.password(form, 'repeatPassword', t.fields.repeatPassword, 'new-password')}
        ${forced && user.role === 'patient' && !user.consentGiven ? fields.consent(form) : nothing}
        ${fields.alert(form)}
        <div class="actions">
          ${fields.submit(form, t.register.changePasswordSubmit)}
          ${forced
            ? this.#host.signOutButton()
            : html`<button type="button" part="button cancel-button" @click=${this.#onCancelPasswordChange}>
                ${t.common.cancel}
              </button>`}
        </div>
      </form>
    `;
  }

  #renderSignedIn(user: User): TemplateResult {
    const t = this.#host.t.register;
    return html`
      <section class="signed-in" aria-labelledby="signed-in-title">
        <h2 id="signed-in-title" tabindex="-1" data-focus-target>${t.signedInTitle}</h2>
        <p part="user" class="user">${t.signedInAs(user.fullName)}</p>
        <div class="actions">
          <button type="button" part="button change-password-button" @click=${this.#onStartPasswordChange}>
            ${t.changePassword}
          </button>
          ${this.#host.signOutButton()}
        </div>
        ${user.role === 'patient' ? html`${this.#renderExport()} ${this.#renderErase()}` : nothing}
      </section>
    `;
  }

  /** «Скачать мои данные» (152-FZ art. 14): fetched with the token in a header, saved from a blob. */
  #renderExport(): TemplateResult {
    const t = this.#host.t.register;
    const state = this.#state.exportState;
    return html`
      <div class="export" part="export">
        <p class="hint" part="hint" id="export-hint">${t.exportDataHint}</p>
        <button type="button" part="button export-button" aria-describedby="export-hint" ?disabled=${state === 'pending'} @click=${this.#onExport}>
          ${state === 'pending' ? t.exportDataPreparing : t.exportData}
        </button>
        ${state instanceof Object ? formAlert(`${t.exportDataFailed} ${describeError(this.#host.t, state.error)}`) : nothing}
      </div>
    `;
  }

  /** «Удалить аккаунт»: the button here; its explanation and password step come in a chunk of their own. */
  #renderErase(): TemplateResult {
    const erasure = this.#state.erasure;
    const failed = erasure instanceof Object && 'error' in erasure ? erasure.error : undefined;
    return html`
      <div class="erase">
        <button type="button" class="danger" part="button delete-account-button" ?disabled=${erasure === 'loading'} @click=${this.#onErase}>
          ${this.#host.t.register.deleteAccount}
        </button>
        ${failed === undefined ? nothing : formAlert(describeError(this.#host.t, failed))}
        ${erasure instanceof Object && 'render' in erasure ? erasure.render() : nothing}
      </div>
    `;
  }

  #onErase = async (event: Event): Promise<void> => {
    const invoker = event.currentTarget as HTMLElement;
    let erasure = this.#state.erasure;
    if (!(erasure instanceof Object && 'open' in erasure)) {
      this.#state.erasure = 'loading';
      try {
        const { createAccountErasure } = await import('./account-erasure.ts');
        erasure = await createAccountErasure(this.#erasureHost(), this.#host.locale);
        this.#state.erasure = erasure;
      } catch (error) {
        this.#state.erasure = { error };
        return;
      }
    }
    await erasure.open(invoker);
  };

  /** The element as the dialog sees it: this view's host (its getters read live), with the dialog's needs. */
  #erasureHost(): ErasureHost {
    const host = this.#host;
    return Object.assign(Object.create(host) as RegisterHost, {
      erased: () => this.#erased(),
      passwordForm: (onSuccess: () => void) => deleteAccountForm({ host: host.element, client: () => host.client, checks: host.checks, onSuccess }),
      describe: (error: unknown) => describeError(host.t, error),
      describeField: (error: FieldError) => describeFieldError(host.t, error),
    });
  }

  #erased(): void {
    this.#state.erased = true;
    this.#state.exportState = 'idle';
    this.#host.accountErased();
  }

  #onErasedOk = (): void => {
    this.#state.erased = false;
    void this.#host.focusNewView();
  };

  #onExport = async (): Promise<void> => {
    this.#state.exportState = 'pending';
    this.#host.say(undefined);
    try {
      saveBlob(await this.#host.client.myDataExport(), this.#host.t.register.exportDataFileName, this.#host.element.renderRoot);
      this.#state.exportState = 'idle';
      this.#host.say((t) => t.register.exportDataSaved);
    } catch (error) {
      this.#state.exportState = { error };
    }
  };

  #onChangePassword = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#password.submit(readPasswordChange(event));
  };

  #onStartPasswordChange = (): void => {
    this.#host.say(undefined);
    this.#state.changingPassword = true;
    this.#password.reset();
    void this.#host.focusNewView();
  };

  #onCancelPasswordChange = (): void => {
    this.#state.changingPassword = false;
    this.#host.fields.hidePasswords();
    void this.#host.focusNewView();
  };

  #passwordSaved(user: User): Promise<void> {
    session.updateUser(user);
    this.#state.changingPassword = false;
    this.#host.say((t) => t.register.passwordChanged);
    this.#host.fields.hidePasswords();
    this.#password.reset();
    this.#host.emit('oz-password-changed', { user });
    return this.#host.focusNewView();
  }
}
