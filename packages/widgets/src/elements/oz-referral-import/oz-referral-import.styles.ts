import { css } from 'lit';
import { actionRowStyles, fieldStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { noticeStyles } from '../../styles/notice.ts';
import { uploadProgressStyles } from '../../styles/progress.ts';
import { cardRows, tableStyles } from '../../styles/card-table.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the import has; the fields, action rows, progress and notice are the shared ones. */
const importStyles = css`
  .oz-base {
    max-width: 52em;
    /* The tables switch to cards by the element's own width, wherever the page puts it. */
    container-type: inline-size;
  }

  .intro,
  .hint,
  .loading,
  .column-need {
    color: ${tokens.colorTextMuted};
  }

  .hint {
    display: block;
    font-size: ${tokens.fontSizeSmall};
  }

  h4 {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: 0 0 ${tokens.spacingSmall};
  }

  .columns {
    margin-bottom: ${tokens.spacing};
  }

  .column-list {
    margin: 0 0 ${tokens.spacing};
    padding-left: 1.2em;
  }

  .column-list li {
    margin-bottom: 4px;
  }

  .column-hint {
    display: block;
  }

  .template a {
    display: inline-block;
    padding: 10px 0;
    font-weight: 600;
  }

  .drop-zone {
    padding: ${tokens.spacing};
    margin-bottom: ${tokens.spacing};
    border: 2px dashed ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  .drop-zone[data-dragging='true'] {
    border-color: ${tokens.colorPrimary};
    border-style: solid;
    background: ${tokens.colorSurfaceAlt};
  }

  .drop-zone label:first-child {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }

  .drop-zone .hint {
    margin-bottom: ${tokens.spacingSmall};
  }

  /* The native input stays (focus, keyboard, screen readers, its label) but out of sight; the
     second label is what people see and press. Specific enough to beat the shared input rule. */
  .drop-zone input.file-input[type='file'] {
    position: absolute;
    width: 1px;
    height: 1px;
    min-height: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  .pick-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: ${tokens.controlHeight};
    padding: 0 1.2em;
    border: 2px solid ${tokens.colorPrimary};
    border-radius: ${tokens.radius};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
    font-weight: 600;
    text-align: center;
    cursor: pointer;
  }

  /* A phone at 200 % zoom, or a narrow column: the frame gives its room to the words, and the
     file button takes the full width like the other buttons (base.ts), its words wrapping whole. */
  @container (max-width: 260px) {
    .drop-zone {
      padding: ${tokens.spacingSmall};
    }

    .pick-button {
      display: flex;
      width: 100%;
      padding: 0.3em 0.5em;
      line-height: 1.3;
    }
  }

  .pick-button:hover {
    background: ${tokens.colorPrimaryHover};
    border-color: ${tokens.colorPrimaryHover};
  }

  .file-input:focus-visible + .pick-button {
    outline: 3px solid ${tokens.colorFocus};
    outline-offset: 2px;
  }

  .file-input:disabled + .pick-button {
    cursor: progress;
    opacity: 0.75;
  }

  /* A new password for one patient: a small section of its own under the columns help. */
  .credentials {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 1px solid ${tokens.colorBorder};
  }

  .field .hint {
    margin-bottom: 4px;
  }

  /* A phone number is short: a full-width field would look like it wants a paragraph. */
  .field input[type='tel'] {
    max-width: 20em;
  }

  .field-error,
  .resend-error:not(:empty) {
    display: block;
    margin-top: 4px;
    font-size: ${tokens.fontSizeSmall};
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  .credentials .sent {
    margin: ${tokens.spacing} 0 0;
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    color: ${tokens.colorSuccess};
    background: ${tokens.colorSuccessSurface};
    font-weight: 600;
  }

  .resend-status {
    display: block;
    color: ${tokens.colorSuccess};
    font-weight: 600;
  }

  /* The table's name, set like the bar's label under it. */
  .progress-title {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .progress-title,
  .upload-progress label {
    margin: 0 0 4px;
  }

  progress {
    accent-color: ${tokens.colorPrimary};
  }

  .upload-progress .hint {
    margin-bottom: ${tokens.spacingSmall};
  }

  .summary {
    list-style: none;
    margin: 0 0 ${tokens.spacing};
    padding: 0;
    display: grid;
    /* A track no wider than the element: a long label wraps instead of widening the list. */
    grid-template-columns: minmax(0, 1fr);
    gap: 4px;
  }

  .summary li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    column-gap: ${tokens.spacing};
    padding: 6px ${tokens.spacingSmall};
    border-left: 4px solid ${tokens.colorPrimary};
    background: ${tokens.colorSurfaceAlt};
  }

  .summary li.zero {
    border-left-color: ${tokens.colorBorder};
  }

  .summary-count {
    font-size: ${tokens.fontSizeHeading};
    font-variant-numeric: tabular-nums;
  }

  .block {
    margin-bottom: ${tokens.spacing};
  }

  .warning {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-left: 4px solid ${tokens.colorDanger};
    background: ${tokens.colorDangerSurface};
  }

  /* As narrow as its word: the other columns need the room. */
  th.row-number {
    width: 1%;
    white-space: nowrap;
    overflow-wrap: normal;
    font-variant-numeric: tabular-nums;
  }

  tbody th.row-number {
    font-weight: 600;
  }

  /* Too narrow for three columns (a phone, a sidebar): one card per row, each cell on its own line
     under its column's name, the header row hidden but still read by screen readers. */
  @container (max-width: 32em) {
    ${cardRows}

    th.row-number {
      width: auto;
    }
  }

  /* A row's problems: one per line, a little apart when there are several. */
  .problems,
  .problem-columns {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .problems.several li + li,
  .problem-columns li + li {
    margin-top: ${tokens.spacingSmall};
  }

  .problem-column {
    font-weight: 600;
  }

  .patient-name {
    display: block;
    font-weight: 600;
  }

  .patient-meta {
    display: block;
    color: ${tokens.colorTextMuted};
  }

  .phone {
    white-space: nowrap;
  }

  .confirm-note {
    font-weight: 600;
  }

  .actions button {
    flex: 1 1 12em;
  }

  /* The message boxes come from the base styles; here only what differs. */
  .status:not(:empty) {
    margin: ${tokens.spacing} 0 0;
  }
`;

/**
 * One column that fits a 360px phone: the tables keep three narrow columns whose text wraps,
 * rather than scrolling sideways.
 */
export const styles = [
  focusHeadingStyles,
  fieldStyles,
  actionRowStyles,
  uploadProgressStyles,
  noticeStyles,
  tableStyles,
  importStyles,
];
