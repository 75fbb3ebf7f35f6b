// Test helpers for paged lists (controllers/paged-list.ts): the «Показать ещё» button as a person
// finds it, its error and its announcement, and a next page that fails.
import { sendKeys } from '@web/test-runner-commands';
import { stubApi } from './api.ts';
import { shadow } from './dom.ts';
import { waitUntil } from './testing.ts';

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** The «Показать ещё» button (in `within`, else anywhere in the element), or null when the list is whole. */
export function loadMoreButton(el: Element, within: ParentNode = shadow(el)): HTMLButtonElement | null {
  return within.querySelector<HTMLButtonElement>('button[part~="load-more"]');
}

/**
 * What the button says to a screen reader: its aria-label (the words and the list's name), else its words without
 * the wording kept unseen (visibility: hidden) only to hold the button's size.
 */
export function loadMoreName(button: HTMLButtonElement | null): string {
  if (!button) return '';
  const label = button.getAttribute('aria-label');
  if (label) return label;
  const spoken: string[] = [];
  const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (getComputedStyle(node.parentElement!).visibility !== 'hidden') spoken.push(node.textContent ?? '');
  }
  return squash(spoken.join(''));
}

/** The visible error of a failed next page, or undefined. */
export function loadMoreError(el: Element, within: ParentNode = shadow(el)): HTMLElement | undefined {
  return within.querySelector<HTMLElement>('[part~="load-more-error"]') ?? undefined;
}

/** What the list's live region said after the last page came. */
export function loadMoreAnnouncement(el: Element, within: ParentNode = shadow(el)): string {
  return squash(within.querySelector('[part~="load-more-area"] [role="status"]')?.textContent);
}

/** Presses the focused button with Enter, as a keyboard user does. */
export async function pressEnterOn(button: HTMLButtonElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

/**
 * Presses «Показать ещё» while the API answers 500 to `path` (a server hiccup), and waits for the
 * element to say so. The first page was loaded before; the next one fails.
 */
export async function pressWhileFailing(el: Element, path: string, within?: ParentNode): Promise<HTMLElement> {
  const stub = stubApi('GET', path, 500, { error: { code: 'internal', message: 'boom' } });
  try {
    await pressEnterOn(loadMoreButton(el, within)!);
    await waitUntil(() => loadMoreError(el, within), 'a failed next page is not shown');
  } finally {
    stub.restore();
  }
  return loadMoreError(el, within)!;
}
