import type { User } from '@oz/contracts';
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { RerenderOnChange } from '../controllers/rerender-on-change.ts';
import type { OzEventDetail, OzEventName } from '../events/index.ts';
import { toLang, type Lang } from '../i18n/lang.ts';
import { langReady, stringsFor, useStrings, type ElementStrings } from '../i18n/catalog.ts';
import type { Translation } from '../i18n/ru.ts';
import { sharedStrings } from './shared-strings.ts';
import { session, type OzSession } from '../session/session.ts';
import { sessionClient } from '../session/session-client.ts';
import type { ApiClient } from '../api/client.ts';
import { baseStyles } from '../styles/base.ts';
import { hostStyles } from '../styles/host.ts';
import { lowVisionStyles } from '../styles/low-vision.ts';
import { followLowVision } from './low-vision.ts';
import { toApiOrigin } from './api-origin.ts';
import { pageConfig } from './page-config.ts';
import { clearPlaceholder } from './loading-placeholder.ts';
import { signedInUser } from './signed-in-user.ts';
import type { ViewHost } from './view-host.ts';

/**
 * The base of every Oblako Zdorovya element (never extend LitElement directly): language,
 * API origin, translations, the shared session and what follows a change of the signed-in
 * person, focus after a view swaps, typed events and a guarded `define()`; the page's version
 * for the visually impaired (internal/low-vision.ts). Every element reads the theme properties
 * listed below (styles/tokens.ts), set on it or on any ancestor.
 *
 * @attr {string} low-vision - «Версия для слабовидящих» for this element and the elements inside it: `white`,
 *   `black`, `blue`, `brown` or `green` (empty: `white`); another value turns it off here. Without it
 *   the element follows `configure({ lowVision })`, else the page's bvi plugin marks.
 * @attr {number} low-vision-size - Text size in px with `low-vision` (never below 16; headings larger).
 * @cssproperty --oz-font-family - Font (default the system's sans-serif).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-line-height - Line height (default 1.5).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-text-muted - Hints and secondary text (default #4a5563).
 * @cssproperty --oz-color-surface - Background (default #ffffff).
 * @cssproperty --oz-color-surface-alt - Cards, table headers and notices (default #f2f5f8).
 * @cssproperty --oz-color-border - Lines of fields, cards and tables (default #6b7280).
 * @cssproperty --oz-color-primary - Buttons, links and the chosen item (default #0b5cad).
 * @cssproperty --oz-color-primary-hover - A primary button under the pointer (default #084a8c).
 * @cssproperty --oz-color-on-primary - Text on primary buttons (default #ffffff).
 * @cssproperty --oz-color-danger - Errors and destructive buttons (default #b3261e).
 * @cssproperty --oz-color-danger-surface - Behind an error box (default #fdecea).
 * @cssproperty --oz-color-success - Confirmations (default #1e6b3a).
 * @cssproperty --oz-color-success-surface - Behind a confirmation (default #e8f5ec).
 * @cssproperty --oz-color-focus - The focus ring (default #0b5cad).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 * @cssproperty --oz-control-height - Height of buttons and fields, never below 44px (default 48px).
 */
export class OzElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles, baseStyles, lowVisionStyles];

  /** The element's own strings (`strings.ts` next to it), besides the shared ones every element has. */
  static strings: readonly ElementStrings[] = [];

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

  /** Whose data the last render showed (see userKey). */
  #shownUserKey: string | undefined;

  constructor() {
    super();
    new RerenderOnChange(this, pageConfig);
    new RerenderOnChange(this, session);
    followLowVision(this);
    useStrings(sharedStrings);
    (this.constructor as typeof OzElement).strings.forEach(useStrings);
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
    return stringsFor(this.locale);
  }

  /** What a render must wait for besides strings (see waitBeforeRender). */
  readonly #renderWaits: (() => Promise<unknown> | undefined)[] = [];

  /**
   * Makes every render wait while `check` returns a promise: code the next render needs that is
   * still on its way (see SignedInPart). `check` returns undefined once there is nothing to wait for.
   * @internal
   */
  waitBeforeRender(check: () => Promise<unknown> | undefined): void {
    this.#renderWaits.push(check);
  }

  /**
   * Waits for the code the render needs (waitBeforeRender; then asks again, as a part that arrived
   * may need more) and for the strings of a language not loaded yet (English, the first time)
   * before rendering. Neither waits forever: a part or strings that could not be fetched settle,
   * and the render says so or falls back to Russian.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const parts = this.#renderWaits.map((check) => check()).filter((wait) => wait !== undefined);
    if (parts.length > 0) return Promise.all(parts).then(() => this.scheduleUpdate());
    const strings = langReady(this.locale);
    return strings ? strings.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
    return signedInUser(this.apiOrigin, (this.constructor as typeof OzElement).usableBeforePasswordChange);
  }

  /**
   * Whose data the element shows: the signed-in user's id (undefined for nobody). When it differs
   * from the one of the last render, `userChanged()` runs first.
   */
  protected userKey(): string | undefined {
    return this.user?.id;
  }

  /**
   * Another person signed in, or the user signed out (`previous` is whose data was shown): nothing
   * of theirs may stay on screen. Runs in willUpdate, before the render and before tasks read their
   * arguments.
   */
  protected userChanged(_previous: string | undefined): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = this.userKey();
    if (key === this.#shownUserKey) return;
    const previous = this.#shownUserKey;
    this.#shownUserKey = key;
    this.userChanged(previous);
  }

  /** The API client for this element's origin, carrying the session token. */
  protected get client(): ApiClient {
    return sessionClient(this.apiOrigin);
  }

  /**
   * The loader's «Загружаем…» (loading-placeholder.ts) stays in the shadow root until the first
   * render replaces it, so nothing goes blank while English strings are still on their way.
   * Lit would render before the root's first node, the placeholder's own style: it renders after
   * whatever the root holds instead, and the first update removes the placeholder.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.renderOptions.renderBefore = undefined;
    return root;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) clearPlaceholder(this.shadowRoot);
    super.update(changed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An element that names its API on a page that configured none: pick up a stored session for it.
    if (this.api && this.session.status === 'signed-out' && !pageConfig.api) {
      void this.session.use(this.apiOrigin);
    }
  }

  /**
   * Focuses the first of `selectors` found in the shadow root. When a view swaps, the focused
   * control is gone: this decides where keyboard and screen reader users go on from.
   */
  protected focusFirst(...selectors: string[]): void {
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }

  /** `focusFirst` once the pending render is done, for a target that render brings. */
  protected async focusAfterUpdate(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    this.focusFirst(...selectors);
  }

  /** This element as a view outside it sees it (see SignedInPart), with what that view needs besides. */
  protected viewHost<E extends object>(extras: E): ViewHost & E {
    const element = this;
    const host: ViewHost = {
      element,
      get t() {
        return element.t;
      },
      get locale() {
        return element.locale;
      },
      get client() {
        return element.client;
      },
      get user() {
        return element.user;
      },
      emit: (name, detail) => element.emit(name, detail),
      focusFirst: (...selectors) => element.focusFirst(...selectors),
      focusAfterUpdate: (...selectors) => element.focusAfterUpdate(...selectors),
    };
    return Object.assign(host, extras);
  }

  /** Dispatches a typed `oz-…` event that crosses shadow roots, for the host page to hear. */
  protected emit<K extends OzEventName>(name: K, detail: OzEventDetail<K>): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
