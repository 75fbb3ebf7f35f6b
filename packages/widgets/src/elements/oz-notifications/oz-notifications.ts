import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { SignedInPart } from '../../internal/signed-in-part.ts';
import { bellIcon } from './bell-icon.ts';
import type { NotificationsView } from './notifications-signed-in.ts';
import { styles } from './oz-notifications.styles.ts';
import { strings } from './strings.ts';

/**
 * @summary The bell of the personal account (личный кабинет): how many notifications are new,
 * and a panel with the latest ones (a consultation scheduled, an application declined, a
 * conclusion ready). New notifications appear live, without reloading the page.
 *
 * @event oz-notification - A notification arrived live. `detail: { notification }`.
 * @event oz-notification-open - The person chose to go to what a notification is about («Открыть
 *   переписку» of a new chat message). `detail: { notification }`; `<oz-consultations>` on the page
 *   opens that consultation's chat, and a page of its own may go there.
 *
 * @csspart base - The wrapper of everything.
 * @csspart button - Every button; also `bell`, `mark-read-button`, `open-chat-button`, `mark-all-button`, `close-button`, `retry-button`,
 *   `load-more` («Показать ещё» at the end of the list).
 * @csspart retry-button - Tries a failed load again.
 * @csspart mark-read-button - Marks one notification read.
 * @csspart open-chat-button - «Открыть переписку» on a new-message entry.
 * @csspart mark-all-button - Marks all notifications read.
 * @csspart close-button - Closes the panel.
 * @csspart bell - The bell button.
 * @csspart bell-icon - The bell's picture.
 * @csspart badge - The number of new notifications on the bell.
 * @csspart panel - The panel that opens under the bell.
 * @csspart list - The list of notifications.
 * @csspart item - One notification; `unread` is added while it is new.
 * @csspart unread - A notification while it is new (also `item`).
 * @csspart unread-mark - The "Новое" label of a new notification.
 * @csspart date - When a notification came.
 * @csspart error - An error text; `load-more-error` when the next page did not come.
 * @csspart load-more-error - Why the next page did not come.
 * @csspart loading - "Loading notifications…" before the list first comes.
 * @csspart load-error - The list could not be loaded: its `error` text and a `retry-button`.
 * @csspart empty - "No notifications yet".
 * @csspart load-more-area - The end of the list: the «Показать ещё» button and its error.
 * @csspart load-more - «Показать ещё»: the next page of the list.
 * @csspart sign-in-prompt - In the panel of a visitor not signed in: where their notifications will appear.
 *
 * @cssproperty --oz-color-primary - The bell, buttons and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-danger - The badge and error text (default #b3261e).
 * @cssproperty --oz-color-surface - The panel's background (default #fff).
 * @cssproperty --oz-color-surface-alt - The background of a new notification (default #f2f5f8).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-notifications-z-index - Stacking of the panel over the host page (default 1000).
 */
export class OzNotifications extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /**
   * How many notifications one page of the list holds (`limit` of the API, at most 200); «Показать
   * ещё» brings the next page. Unset: the API's default (50).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  @state() private open = false;
  /** What the live region says; a new text is announced. */
  @state() private announcement = '';

  /** Signed out, the panel says where notifications will appear (the restore line is never shown: see #renderBell). */
  readonly #gate = new SignInGate(this, {
    words: (t) => ({ restoring: t.notifications.loading, signInPrompt: t.notifications.signInPrompt }),
  });

  /** The list and the count of a signed-in person, in a chunk of its own (see SignedInPart). */
  readonly #part = new SignedInPart<NotificationsView>(this, this.#gate, () =>
    import('./notifications-signed-in.ts').then((module) => new module.NotificationsView(
      this.viewHost({
        pageSize: () => this.pageSize,
        announce: (text: string) => void this.#announce(text),
        close: () => {
          this.open = false;
        },
      }),
    )),
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onPointerDownOutside, true);
    this.#part.view?.abort();
  }

  /** Someone else signed in, or the user signed out: the open panel showed the previous person's list. */
  protected override userChanged(): void {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed as PropertyValues).has('open')) {
      if (this.open) {
        this.#keepPanelOnScreen();
        document.addEventListener('pointerdown', this.#onPointerDownOutside, true);
      } else {
        document.removeEventListener('pointerdown', this.#onPointerDownOutside, true);
      }
    }
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base" lang=${this.locale} @keydown=${this.#onKeyDown}>
        ${this.#renderBell()}
        <div role="status" class="visually-hidden">${this.announcement}</div>
      </div>
    `;
  }

  /**
   * The bell, and its panel: the notifications, or, for a visitor not signed in yet, where they
   * will appear. While a stored session is checked, only the bell's room, unseen: a header must not
   * show a bell that changes a moment later, nor push the page down when it comes.
   */
  #renderBell(): TemplateResult {
    const t = this.t.notifications;
    if (this.#gate.restoring) {
      return html`<button type="button" part="button bell" class="bell bell-room" tabindex="-1" aria-hidden="true">
        ${bellIcon}<span class="bell-word">${t.bell}</span>
      </button>`;
    }
    const unread = this.#gate.open ? this.#part.view?.unread : undefined;
    const words = { loading: t.loading, retry: t.retry, describe: (error: unknown) => describeError(this.t, error) };
    return html`
      <button
        type="button"
        part="button bell"
        class="bell"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-label=${unread === undefined ? t.bell : t.bellLabel(unread)}
        @click=${this.#toggle}
      >
        ${bellIcon}<span class="bell-word">${t.bell}</span>
        ${unread
          ? html`<span part="badge" class="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>`
          : nothing}
      </button>
      <div id="panel" part="panel" class="panel" role="region" aria-labelledby="panel-title" ?hidden=${!this.open}>
        <div class="panel-head">
          <h2 id="panel-title" tabindex="-1">${t.panelTitle}</h2>
          <button type="button" part="button close-button" class="close" @click=${this.#closeAndFocusBell}>
            ${t.close}
          </button>
        </div>
        ${this.#gate.render() ?? this.#part.render(words, (view) => view.render(), () => this.requestUpdate())}
      </div>
    `;
  }

  async #announce(text: string): Promise<void> {
    // Clear first: the same words twice in a row would otherwise not be spoken again.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }


  #toggle = (): void => {
    this.open = !this.open;
  };

  #closeAndFocusBell = async (): Promise<void> => {
    this.open = false;
    await this.focusAfterUpdate('.bell');
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      void this.#closeAndFocusBell();
    }
  };

  /** A tap anywhere else on the page closes the panel, as people expect of a drop-down. */
  #onPointerDownOutside = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.open = false;
  };

  /** The panel hangs from the bell's end edge; on a phone it must not run off the screen's other side. */
  #keepPanelOnScreen(): void {
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    if (!panel) return;
    panel.style.removeProperty('right');
    const margin = 8;
    const { left } = panel.getBoundingClientRect();
    if (left < margin) panel.style.right = `${left - margin}px`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-notifications': OzNotifications;
  }
}
