import { css } from 'lit';
import { tokens } from './tokens.ts';

/**
 * The end of a paged list (controllers/paged-list.ts): a wide «Показать ещё» button that is easy
 * to hit on a phone, its busy look, and the error above it.
 */
export const loadMoreStyles = css`
  .load-more-area .form-error {
    margin: ${tokens.spacingSmall} 0;
  }

  /* The column may shrink below its longest word, so at 200 % zoom the words wrap inside the button. */
  button.load-more {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: center;
    width: 100%;
    margin: ${tokens.spacingSmall} 0;
    padding: 0.4em 0.5em;
    line-height: 1.3;
  }

  /* Its two wordings share one cell: the button is as big as the longer one, whichever shows. */
  .load-more-words {
    grid-area: 1 / 1;
    overflow-wrap: break-word;
    hyphens: auto;
  }

  /* Out of sight and out of the accessible name, yet still taking its room. */
  .load-more-unseen {
    visibility: hidden;
  }

  button.load-more:hover:not([aria-disabled='true']) {
    background: ${tokens.colorSurfaceAlt};
  }

  /* Observed by the scroll loading: it takes no room of its own. */
  .load-more-sentinel {
    height: 1px;
    margin-top: -1px;
  }
`;
