import { css } from 'lit';
import { tokens } from './tokens.ts';

/**
 * Headings a view moves focus to from script (tabindex="-1"), so screen readers hear where they
 * are: no ring after a click, the usual ring when the user came by keyboard.
 */
export const focusHeadingStyles = css`
  h2:focus,
  h3:focus,
  h4:focus {
    outline: none;
  }

  h2:focus-visible,
  h3:focus-visible,
  h4:focus-visible {
    outline: 3px solid ${tokens.colorFocus};
  }
`;
