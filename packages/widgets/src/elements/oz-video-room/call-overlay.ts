import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lockPageScroll } from './scroll-lock.ts';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/** Below this width of the room itself the call takes the whole screen. */
export const OVERLAY_BELOW_PX = 600;

/** A phone, whatever width the host page gives the room: touch and a small screen either way. */
const PHONE = '(pointer: coarse) and (max-width: 600px), (pointer: coarse) and (max-height: 600px)';

/**
 * The call over the whole screen on a phone and whenever the room is narrower than 600 px: a
 * small box in a page is no way to see a doctor. The call's section becomes a manual popover, so
 * it sits in the top layer (no ancestor's transform, containment or z-index can clip it) and
 * needs no `inert` on the host page; where popovers are missing, its `position: fixed` and a high
 * z-index do the same. While it is open the page under it does not scroll, Tab stays inside it
 * and Escape does nothing (leaving is only ever the «Выйти» button).
 */
export class CallOverlay implements ReactiveController {
  /** Whether the call, when there is one, is shown full-screen. */
  wanted = false;
  readonly #host: Host;
  readonly #inCall: () => boolean;
  #resize: ResizeObserver | undefined;
  #phone: MediaQueryList | undefined;
  #narrow = false;
  #section: HTMLElement | undefined;
  #unlockScroll: (() => void) | undefined;

  constructor(host: Host, inCall: () => boolean) {
    this.#host = host;
    this.#inCall = inCall;
    host.addController(this);
  }

  hostConnected(): void {
    this.#resize = new ResizeObserver(([entry]) => {
      const width = entry?.borderBoxSize?.[0]?.inlineSize ?? entry?.contentRect.width ?? 0;
      // A hidden room (width 0) keeps its last decision rather than flipping for nothing.
      if (width > 0) this.#narrow = width < OVERLAY_BELOW_PX;
      this.#decide();
    });
    this.#resize.observe(this.#host);
    this.#phone = window.matchMedia(PHONE);
    this.#phone.addEventListener('change', this.#decide);
    document.addEventListener('focusin', this.#keepFocusInside);
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#phone?.removeEventListener('change', this.#decide);
    document.removeEventListener('focusin', this.#keepFocusInside);
    this.#release();
  }

  /** After each render: the call's section (if any) is opened over the page or put back. */
  hostUpdated(): void {
    const section = this.wanted && this.#inCall() ? this.#host.renderRoot.querySelector<HTMLElement>('[part~="call"]') : null;
    if (section !== this.#section) this.#release();
    if (!section) return;
    this.#section = section;
    // Without the Popover API (before Chrome 114, Safari 17) the fixed position alone covers the page.
    if ('showPopover' in section && section.hasAttribute('popover') && !section.matches(':popover-open')) section.showPopover();
    this.#unlockScroll ??= lockPageScroll();
    section.addEventListener('keydown', this.#onKeydown);
  }

  #decide = (): void => {
    const wanted = this.#narrow || (this.#phone?.matches ?? false);
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    this.#host.requestUpdate();
  };

  #release(): void {
    this.#section?.removeEventListener('keydown', this.#onKeydown);
    this.#section = undefined;
    this.#unlockScroll?.();
    this.#unlockScroll = undefined;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const section = this.#section;
    if (!section) return;
    if (event.key === 'Escape') {
      // The host page's own Escape handlers (closing its menus, modals) must not act under the call.
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Tab') return;
    const stops = focusable(section);
    if (stops.length === 0) return;
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    const index = stops.indexOf(active as HTMLElement);
    // From the first button (or the heading before it) back to the last, from the last to the first.
    const next = event.shiftKey ? (index <= 0 ? stops.at(-1) : undefined) : index === stops.length - 1 ? stops[0] : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  /** Focus that lands on the page under the call (a script, a screen reader's jump) comes back. */
  #keepFocusInside = (event: FocusEvent): void => {
    const section = this.#section;
    if (!section || event.composedPath().includes(this.#host)) return;
    (focusable(section)[0] ?? section.querySelector<HTMLElement>('[data-focus-target]'))?.focus();
  };
}

function focusable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')].filter((el) => !el.closest('[hidden]'));
}
