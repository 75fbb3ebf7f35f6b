import { css } from 'lit';
import { tokens } from './tokens.ts';

/** A modal <dialog class="dialog"> (confirmations): a framed box over a dimmed page. Each element sets its width. */
export const dialogStyles = css`
  .dialog {
    padding: ${tokens.spacing};
    border: 2px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
`;
