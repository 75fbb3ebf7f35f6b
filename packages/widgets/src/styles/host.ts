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
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    visibility: visible;
    cursor: auto;
  }

  :host {
    display: block;
    box-sizing: border-box;
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
