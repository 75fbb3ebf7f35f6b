import { css } from 'lit';
import { dialogStyles } from '../../styles/dialogs.ts';
import { tokens } from '../../styles/tokens.ts';

/**
 * The «Удалить аккаунт» dialog and the notice after it. Adopted by the element when the chunk
 * arrives (account-erasure.ts), so a visitor who is not signed in never downloads them.
 */
const erasureStyles = css`
  /* On a phone every pixel of width is a shorter line to read: nearly the whole screen. */
  .erase-dialog {
    width: min(34em, calc(100vw - ${tokens.spacing}));
    max-width: calc(100vw - ${tokens.spacing});
    max-height: calc(100dvh - ${tokens.spacing});
    overflow-y: auto;
  }

  .erase-dialog h2 {
    margin-top: 0;
  }

  .erase-dialog h3 {
    margin: ${tokens.spacing} 0 ${tokens.spacingSmall};
    font-size: 1.05em;
  }

  .erase-dialog ul {
    margin: 0;
    padding-inline-start: 1.3em;
  }

  .erase-dialog li + li {
    margin-top: 0.25em;
  }

  .erase-dialog .explain {
    margin: ${tokens.spacingSmall} 0 0;
  }

  .erase-dialog .form {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 1px solid ${tokens.colorBorder};
  }
`;

export const accountErasureStyles = [dialogStyles, erasureStyles];
