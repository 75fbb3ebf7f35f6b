// Layout checks on a phone-sized screen: an element must fit 360px without sideways scrolling,
// with words that fit their buttons and touch targets big enough for elderly fingers.
import { expect } from './testing.ts';

/**
 * Shows what a phone shows: the camera buttons are hidden by a (pointer: fine) media query that
 * the test browser cannot switch off, so this forces them visible for layout checks.
 */
export function showPhoneControls(el: Element): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.camera { display: block !important; }');
  el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
}

/** Buttons whose words do not fit inside them or that stick out of a `width`-px screen. */
export function crampedButtons(el: Element, width: number): string[] {
  // Measured from the element's own left edge: the test page's body margin is not the screen's.
  const right = el.getBoundingClientRect().left + width;
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')]
    .filter((button) => button.offsetParent !== null)
    .filter((button) => button.scrollWidth > button.clientWidth + 1 || button.getBoundingClientRect().right > right + 1)
    .map((button) => button.textContent!.trim());
}

/** No cramped buttons, no sideways scrolling, and every visible one of `controls` at least 44px tall. */
export function expectFitsPhone(el: Element, width: number, controls: string): void {
  expect(crampedButtons(el, width), 'buttons whose words do not fit').to.deep.equal([]);
  expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(width);
  for (const control of el.shadowRoot!.querySelectorAll<HTMLElement>(controls)) {
    if (control.offsetParent === null) continue;
    expect(control.getBoundingClientRect().height, control.textContent!).to.be.at.least(44);
  }
}
