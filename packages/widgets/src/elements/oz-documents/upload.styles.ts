import { css } from 'lit';
import { dialogStyles } from '../../styles/dialogs.ts';
import { actionRowStyles, fieldHelpStyles, fieldStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { noticeStyles } from '../../styles/notice.ts';
import { uploadProgressStyles } from '../../styles/progress.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the upload parts have; fields, action rows, progress, notice and dialog are the shared ones. */
const uploadPartStyles = css`
  /* The shared input rule sets display: block, which would undo the hidden file inputs' [hidden]. */
  [hidden] {
    display: none !important;
  }

  .intro {
    color: ${tokens.colorTextMuted};
  }

  .form {
    margin-bottom: ${tokens.spacing};
  }

  /* A field's name where no single control takes a <label>: the file pickers, a preset center. */
  .field .label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }

  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  textarea {
    min-height: 6em;
    resize: vertical;
  }

  .pickers {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  /* Two short buttons share a row on a 360px phone; "Сфотографировать" is one long word, so the
     file buttons take their own width and wrap onto rows of their own when they do not fit. */
  .actions button {
    flex: 1 1 7em;
  }

  .pickers button {
    flex: 1 1 auto;
  }

  /* The camera button is for phones and tablets; on a computer it would open a file dialog anyway. */
  @media (hover: hover) and (pointer: fine) {
    .camera {
      display: none;
    }
  }

  .file-status {
    display: block;
    margin-top: 4px;
    overflow-wrap: anywhere;
  }

  /* A thick bar with a visible track: the browser's default is a thin line old eyes miss. */
  progress {
    appearance: none;
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
    overflow: hidden;
  }

  progress::-webkit-progress-bar {
    background: ${tokens.colorSurfaceAlt};
  }

  progress::-webkit-progress-value {
    background: ${tokens.colorPrimary};
  }

  progress::-moz-progress-bar {
    background: ${tokens.colorPrimary};
  }

  button[type='submit'] {
    width: 100%;
  }

  button.danger {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }

  .dialog {
    width: min(30em, calc(100vw - 2 * ${tokens.spacing}));
  }
`;

/**
 * Styles <oz-documents> and <oz-apply> share: labelled fields, the file pickers, the progress
 * bar, messages and the confirmation dialog. One column that fits a 360px phone.
 */
export const uploadStyles = [
  focusHeadingStyles,
  fieldStyles,
  fieldHelpStyles,
  actionRowStyles,
  uploadProgressStyles,
  noticeStyles,
  dialogStyles,
  uploadPartStyles,
];
