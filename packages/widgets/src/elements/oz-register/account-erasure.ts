import type { DeleteAccountRequest, FieldError } from '@oz/contracts';
import { html, nothing, type CSSResultOrNative, type TemplateResult } from 'lit';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import type { FormSubmit } from '../../controllers/form-submit.ts';
import { useStrings, langReady } from '../../i18n/catalog.ts';
import type { Lang } from '../../i18n/lang.ts';
import { formAlert, passwordField } from '../../internal/fields.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { viewState } from '../../internal/view-state.ts';
import { accountErasureStyles } from './account-erasure.styles.ts';
import { erasureStrings } from './erasure-strings.ts';

// Loaded when a patient first presses «Удалить аккаунт»: nobody else needs these words or styles.
useStrings(erasureStrings);

/**
 * What the element lends the dialog. The form and the error words come from the element's chunk:
 * imported here, they made the bundler split oz.js's API errors into a file of their own.
 */
export interface ErasureHost extends ViewHost {
  /** The account is gone: forget the session here, show the notice, tell the page. */
  erased(): void;
  /** The password form (password-forms.ts deleteAccountForm), calling `onSuccess` once the API deleted the account. */
  passwordForm(onSuccess: () => void): FormSubmit<DeleteAccountRequest, void>;
  /** An error, or a field's problem, in words (internal/describe-error.ts). */
  describe(error: unknown): string;
  describeField(error: FieldError): string;
}

/** The confirm step stays open: the form already shows why (a wrong password, a lost connection). */
const KEEP_OPEN = Symbol('keep the dialog open');

/**
 * «Удалить аккаунт» (152-FZ art. 14 and 9): a modal that says in plain words what will be deleted
 * and what the law makes us keep, then the password and a clearly destructive button. It opens
 * at its heading, so the explanation is read before the password field is reached. The
 * dialog controller gives focus back and ignores Escape while the request runs; the form
 * controller (made by the element) pre-checks with the contract and puts a wrong password next to its field.
 */
export class AccountErasureView {
  readonly #host: ErasureHost;
  readonly #dialog: ConfirmDialogController<true>;
  readonly #form: FormSubmit<DeleteAccountRequest, void>;
  readonly #state: { revealed: boolean; done: boolean };

  constructor(host: ErasureHost) {
    this.#host = host;
    const element = host.element;
    this.#state = viewState(element, { revealed: false, done: false });
    this.#form = host.passwordForm(() => {
      this.#state.done = true;
    });
    this.#dialog = new ConfirmDialogController<true>(element, {
      selector: 'dialog[part~="erase-dialog"]',
      confirm: async (_subject, form) => {
        this.#state.done = false;
        await this.#form.submit({ password: String(new FormData(form ?? undefined).get('password') ?? '') });
        if (!this.#state.done) throw KEEP_OPEN;
        host.erased();
      },
      // The view behind the dialog is gone: the notice that replaced it takes focus (erased() asks for it).
      focusAfterConfirm: () => undefined,
    });
  }

  /** Opens the explanation and the password step; `invoker` gets focus back when it closes. */
  open(invoker: HTMLElement | Event): Promise<void> {
    this.#form.reset();
    this.#state.revealed = false;
    return this.#dialog.show(true, invoker);
  }

  render(): TemplateResult | typeof nothing {
    const dialog = this.#dialog;
    if (dialog.subject === undefined) return nothing;
    const t = this.#host.t;
    const e = t.accountErasure;
    const form = this.#form;
    const list = (items: readonly string[]) => html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
    const problem = form.formError ?? (dialog.error === KEEP_OPEN ? undefined : dialog.error);
    const host = this.#host;
    return html`
      <dialog
        part="dialog erase-dialog"
        class="dialog erase-dialog"
        aria-labelledby="erase-title"
        aria-describedby="erase-intro"
        @cancel=${dialog.onCancel}
        @close=${dialog.onClose}
      >
        <h2 id="erase-title" tabindex="-1" autofocus>${e.title}</h2>
        <p id="erase-intro">${e.intro}</p>
        <h3>${e.deletedTitle}</h3>
        ${list(e.deleted)}
        <h3>${e.keptTitle}</h3>
        ${list(e.kept)}
        <p class="explain">${e.keptWhy}</p>
        <p class="explain">${e.phoneAgain}</p>
        <p class="explain">${e.exportFirst}</p>
        <form part="form erase-form" class="form" novalidate @submit=${dialog.confirm}>
          ${passwordField({
            name: 'password',
            label: e.passwordLabel,
            hint: e.passwordHint,
            autocomplete: 'current-password',
            error: this.#fieldText(form.errorFor('password')),
            revealed: this.#state.revealed,
            showLabel: t.common.showPassword,
            hideLabel: t.common.hidePassword,
            onToggle: () => (this.#state.revealed = !this.#state.revealed),
          })}
          ${formAlert(problem === undefined ? undefined : host.describe(problem))}
          <div class="actions">
            <button type="button" part="button keep-button" @click=${dialog.keep}>${e.keep}</button>
            <button type="submit" class="danger-filled" part="button confirm-button erase-button" aria-disabled=${dialog.pending ? 'true' : 'false'}>
              ${dialog.pending ? e.deleting : e.confirm}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  /** After the erasure, in place of the signed-in view: what happened, in plain words. */
  renderDone(onOk: () => void): TemplateResult {
    const e = this.#host.t.accountErasure;
    return html`
      <section class="erased" part="erased" aria-labelledby="erased-title">
        <h2 id="erased-title" tabindex="-1" data-focus-target>${e.doneTitle}</h2>
        <p>${e.doneText}</p>
        <div class="actions"><button type="button" part="button erased-ok-button" @click=${onOk}>${e.doneOk}</button></div>
      </section>
    `;
  }

  #fieldText(error: FieldError | undefined): string | undefined {
    if (!error) return undefined;
    return error.code === 'invalid' ? this.#host.t.accountErasure.wrongPassword : this.#host.describeField(error);
  }
}

/** The view, its words in `lang` and its styles adopted by the element's shadow root. */
export async function createAccountErasure(host: ErasureHost, lang: Lang): Promise<AccountErasureView> {
  await langReady(lang);
  adoptStyles(host.element.renderRoot, accountErasureStyles);
  return new AccountErasureView(host);
}

/** Adds style sheets to a shadow root after it was made (Lit adopts the element's own once). */
function adoptStyles(root: ParentNode, styles: readonly CSSResultOrNative[]): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheets = styles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet)).filter((sheet): sheet is CSSStyleSheet => Boolean(sheet));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet))];
}
