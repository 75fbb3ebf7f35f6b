import type { ReactiveElement } from 'lit';
import type { OzEventDetail, OzEventName } from '../../events/index.ts';
import { stringsFor, type Lang, type Translation } from '../../i18n/index.ts';

/**
 * The element the desk's sections are controllers of (<oz-doctor-desk>), as far as a section uses
 * it: its updates and shadow root, its language, its own `api` attribute (for the inner <oz-chat>).
 */
export type DeskHost = ReactiveElement & { readonly locale: Lang; readonly api?: string | undefined };

/** The strings of the host's language. */
export function wordsOf(host: DeskHost): Translation {
  return stringsFor(host.locale);
}

/** Dispatches a typed `oz-…` event from the desk, crossing shadow roots, for the host page to hear. */
export function emitFrom<K extends OzEventName>(host: DeskHost, name: K, detail: OzEventDetail<K>): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/**
 * Once the pending render is done, focuses the first of `selectors` found in the desk: when a
 * view swaps, the focused control is gone, and this decides where keyboard users go on from.
 */
export async function focusAfterUpdate(host: DeskHost, ...selectors: string[]): Promise<void> {
  await host.updateComplete;
  for (const selector of selectors) {
    const target = host.renderRoot.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}
