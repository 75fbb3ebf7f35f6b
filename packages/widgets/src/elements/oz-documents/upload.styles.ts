import { css } from 'lit';
import { tokens } from '../../styles/tokens.ts';

/**
 * Styles <oz-documents> and <oz-apply> share: labelled fields, the file pickers, the progress
 * bar, messages and the confirmation dialog. One column that fits a 360px phone.
 */
export const uploadStyles = css`
  /* The shared input rule sets display: block, which would undo the hidden file inputs' [hidden]. */
  [hidden] {
    display: none !important;
  }

  .intro,
  .hint {
    color: ${tokens.colorTextMuted};
  }

  .form {
    margin-bottom: ${tokens.spacing};
  }

  .field {
    margin-bottom: ${tokens.spacing};
  }

  .field label,
  .field .label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }

  .hint,
  .field-error {
    display: block;
    font-size: ${tokens.fontSizeSmall};
  }

  .hint {
    margin-bottom: 4px;
  }

  .field-error {
    margin-top: 4px;
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  textarea {
    min-height: 6em;
    resize: vertical;
  }

  .pickers,
  .actions {
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

  .upload-progress {
    margin-bottom: ${tokens.spacing};
  }

  .upload-progress label {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .progress-row {
    display: flex;
    align-items: center;
    gap: ${tokens.spacingSmall};
    margin: 4px 0 ${tokens.spacingSmall};
  }

  /* A thick bar with a visible track: the browser's default is a thin line old eyes miss. */
  progress {
    flex: 1 1 auto;
    min-width: 0;
    height: 20px;
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

  .progress-text {
    flex: none;
    font-variant-numeric: tabular-nums;
  }

  button[type='submit'] {
    width: 100%;
  }

  button.danger {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }

  button.danger-filled {
    border-color: ${tokens.colorDanger};
    background: ${tokens.colorDanger};
    color: ${tokens.colorOnPrimary};
  }

  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  /* Error and status boxes come from the base styles; a notice has their shape. */
  .notice {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    margin-bottom: ${tokens.spacing};
    font-weight: 600;
  }

  .notice {
    background: ${tokens.colorSurfaceAlt};
    border-left: 4px solid ${tokens.colorPrimary};
    font-weight: 400;
  }

  .dialog {
    width: min(30em, calc(100vw - 2 * ${tokens.spacing}));
    padding: ${tokens.spacing};
    border: 2px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: ${tokens.lineHeight};
  }

  .dialog .actions button {
    flex: 1 1 auto;
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  h2:focus,
  h3:focus {
    outline: none;
  }

  h2:focus-visible,
  h3:focus-visible {
    outline: 3px solid ${tokens.colorFocus};
  }
`;
