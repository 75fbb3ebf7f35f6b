import { css } from 'lit';
import { tokens } from './tokens.ts';

/**
 * Inherited properties leak into shadow DOM from the host page (old CMS themes set uppercase,
 * letter-spacing, centred text, 12px fonts on `body`). Reset them on the host and again on the
 * `base` wrapper, since a page rule like `* { … }` can still hit the host element itself.
 */
export const hostStyles = css`
  :host,
  .oz-base {
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    font-style: normal;
    font-weight: 400;
    line-height: ${tokens.lineHeight};
    color: ${tokens.colorText};
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    letter-spacing: var(--oz-lv-spacing, normal);
    word-spacing: normal;
    white-space: normal;
    visibility: visible;
    cursor: auto;
  }

  /* Every element lays itself out by its OWN width (the @container rules in base.ts and in the
     element styles), not the window's: a sidebar at 1280 px gets the phone layout too. Inline-size
     containment stops the element from sizing to its content, which a block in page flow never
     did; an element that must (the bell) sets container-type: normal, and a page that puts an
     element in a flex row gives it a width or flex: 1. */
  :host {
    display: block;
    box-sizing: border-box;
    container-type: inline-size;
  }

  :host([hidden]) {
    display: none !important;
  }

  /* Not "inherit": a page rule such as "* { box-sizing: content-box }" reaches the host element
     itself, and widths of 100% plus padding would then overflow on phones. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;
