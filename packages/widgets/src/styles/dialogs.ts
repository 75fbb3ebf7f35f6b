import { css } from 'lit';
import { tokens } from './tokens.ts';

/**
 * A modal <dialog class="dialog"> (confirmations): a framed box over a dimmed page, in the element's
 * type, its answers in one row, a filled red button for what cannot be undone. Each element sets its width.
 */
export const dialogStyles = css`
  .dialog {
    padding: ${tokens.spacing};
    border: 2px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: ${tokens.lineHeight};
  }

  /* The answers share the row: on a phone each takes a line of its own, full width. */
  .dialog .actions button {
    flex: 1 1 auto;
  }

  /* The confirming button of something that cannot be undone (delete, erase, turn off). */
  button.danger-filled {
    border-color: ${tokens.colorDanger};
    background: ${tokens.colorDanger};
    color: ${tokens.colorOnPrimary};
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
`;
