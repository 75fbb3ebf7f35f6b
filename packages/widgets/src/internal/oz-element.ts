import type { User } from '@oz/contracts';
import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { RerenderOnChange } from '../controllers/rerender-on-change.ts';
import type { OzEventDetail, OzEventName } from '../events/index.ts';
import { toLang, translations, type Lang, type Translation } from '../i18n/index.ts';
import { session, type OzSession } from '../session/session.ts';
import { sessionClient } from '../session/session-client.ts';
import type { ApiClient } from '../api/client.ts';
import { baseStyles } from '../styles/base.ts';
import { hostStyles } from '../styles/host.ts';
import { toApiOrigin } from './api-origin.ts';
import { pageConfig } from './page-config.ts';

/**
 * The base of every Oblako Zdorovya element (never extend LitElement directly): language,
 * API origin, translations, the shared session, typed events and a guarded `define()`.
 */
export class OzElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles, baseStyles];

  /** Registers the element unless the tag is taken: host pages do load the SDK twice. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /**
   * Interface language, 'ru' or 'en' (other tags fall back). Without it the page-wide
   * `configure({ lang })` applies, else Russian.
   */
  @property({ reflect: true }) override lang!: string;

  /**
   * API origin, e.g. `https://oz.example.ru`. Without it: `configure({ api })`, else the
   * `data-api` attribute of the script tag that loaded the bundle, else the bundle's own origin.
   */
  @property() api?: string;

  /** The page-wide session shared by all elements. */
  protected readonly session: OzSession = session;

  constructor() {
    super();
    new RerenderOnChange(this, pageConfig);
    new RerenderOnChange(this, session);
  }

  /** The language in effect. */
  get locale(): Lang {
    return toLang(this.lang) ?? pageConfig.lang ?? 'ru';
  }

  /** The API origin in effect. */
  get apiOrigin(): string {
    return toApiOrigin(this.api) ?? pageConfig.apiOrigin;
  }

  /** Strings of the language in effect. */
  protected get t(): Translation {
    return translations[this.locale];
  }

  /**
   * Elements that stay usable while a one-time password from an SMS must still be replaced (the
   * API refuses everything else until then): only the one that shows the password form.
   */
  static usableBeforePasswordChange = false;

  /**
   * The signed-in user, if the page session belongs to this element's API; nobody while the user
   * must first replace a one-time password, so no element asks the API what it would refuse.
   */
  protected get user(): User | null {
    const user = this.session.api === this.apiOrigin ? this.session.user : null;
    if (user?.mustChangePassword && !(this.constructor as typeof OzElement).usableBeforePasswordChange) return null;
    return user;
  }

  /** What a signed-out element says: its own prompt, or, during a forced password change, to finish that first. */
  protected signInPromptText(prompt: string): string {
    const user = this.session.api === this.apiOrigin ? this.session.user : null;
    return user?.mustChangePassword ? this.t.common.finishPasswordChange : prompt;
  }

  /** The API client for this element's origin, carrying the session token. */
  protected get client(): ApiClient {
    return sessionClient(this.apiOrigin);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An element that names its API on a page that configured none: pick up a stored session for it.
    if (this.api && this.session.status === 'signed-out' && !pageConfig.api) {
      void this.session.use(this.apiOrigin);
    }
  }

  /** Dispatches a typed `oz-…` event that crosses shadow roots, for the host page to hear. */
  protected emit<K extends OzEventName>(name: K, detail: OzEventDetail<K>): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
