import type { User } from '@oz/contracts';
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { stringsFor } from '../i18n/catalog.ts';
import type { Translation } from '../i18n/ru.ts';
import type { OzElement } from '../internal/oz-element.ts';
import { mustChangePassword, signedInUser } from '../internal/signed-in-user.ts';
import { session } from '../session/session.ts';
import { loadingLine } from './load.ts';

/** What a gate says, in the element's own words. */
export interface SignInGateWords {
  /** While a stored session is checked with the API. */
  restoring: string;
  signInPrompt: string;
  /** Why a signed-in user of another role cannot use the element (needed when `roles` is given). */
  otherRole?: string;
}

export interface SignInGateOptions {
  /** Who may use the element; anyone signed in when omitted. */
  roles?: readonly User['role'][];
  words: (t: Translation) => SignInGateWords;
  /** Parts the prompt also carries, besides `sign-in-prompt` (old names kept for one release). */
  extraParts?: string;
  /** Parts only the other-role note also carries (e.g. `managers-only`). */
  otherRoleParts?: string;
}

/**
 * What an element shows until someone who may use it is signed in: a `loading` line while the
 * session is restored, the `sign-in-prompt` (or, during a forced password change, to finish that
 * first), or why this account cannot use it. `render()` is undefined once the element may show
 * its content; `user` is the person it is for.
 */
export class SignInGate implements ReactiveController {
  readonly #host: OzElement;
  readonly #options: SignInGateOptions;

  constructor(host: OzElement, options: SignInGateOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {}

  /** The signed-in user, whatever their role; null for nobody. */
  get user(): User | null {
    const element = this.#host.constructor as typeof OzElement;
    return signedInUser(this.#host.apiOrigin, element.usableBeforePasswordChange);
  }

  /** True when a user the element is for is signed in. */
  get open(): boolean {
    const user = this.user;
    return !!user && (!this.#options.roles || this.#options.roles.includes(user.role));
  }

  /** True while a stored session is checked and nobody is signed in yet. */
  get restoring(): boolean {
    return !this.user && session.status === 'restoring';
  }

  render(): TemplateResult | undefined {
    const t = stringsFor(this.#host.locale);
    const words = this.#options.words(t);
    const user = this.user;
    const parts = `sign-in-prompt${this.#options.extraParts ? ` ${this.#options.extraParts}` : ''}`;
    if (this.restoring) return loadingLine(words.restoring);
    if (!user) {
      const text = mustChangePassword(this.#host.apiOrigin) ? t.common.finishPasswordChange : words.signInPrompt;
      return html`<p part=${parts} class="sign-in-prompt">${text}</p>`;
    }
    if (this.#options.roles && !this.#options.roles.includes(user.role)) {
      const noteParts = this.#options.otherRoleParts ? `${parts} ${this.#options.otherRoleParts}` : parts;
      return html`<p part=${noteParts} class="sign-in-prompt">${words.otherRole ?? words.signInPrompt}</p>`;
    }
    return undefined;
  }
}
