import { css } from 'lit';
import { tokens } from './tokens.ts';

/** Tab buttons (aria-pressed): the chosen one filled, the others quiet; each element sizes them. */
export const tabStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  .tab {
    border-color: ${tokens.colorBorder};
    color: ${tokens.colorText};
  }

  .tab[aria-pressed='true'] {
    border-color: ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
  }
`;
