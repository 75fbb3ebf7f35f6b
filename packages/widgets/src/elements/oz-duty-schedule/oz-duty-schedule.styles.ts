import { css } from 'lit';
import { choiceStyles, fieldHelpStyles, fieldStyles, optionalMarkStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the schedule has; the fields, the radio rows and the focus of headings are the shared ones. */
const scheduleStyles = css`
  .intro,
  .muted,
  .loading,
  .pick-hint {
    color: ${tokens.colorTextMuted};
  }

  .note,
  .empty {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-left: 4px solid ${tokens.colorPrimary};
    background: ${tokens.colorSurfaceAlt};
    border-radius: ${tokens.radius};
  }

  .fixed-center .label,
  .summary dt {
    font-weight: 600;
  }

  .center-title {
    display: block;
    font-weight: 600;
  }

  /* The character counter under the question reads like a hint. */
  .counter {
    display: block;
    margin-top: 4px;
    font-size: ${tokens.fontSizeSmall};
    color: ${tokens.colorTextMuted};
  }

  .hint,
  .counter {
    font-weight: 400;
  }

  .channel .hint {
    margin: 4px 0 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${tokens.spacingSmall} ${tokens.spacing};
    margin-bottom: ${tokens.spacing};
  }

  .zone-note {
    flex: 1 1 14em;
    margin: 0;
  }

  .toolbar .status {
    flex: 1 1 100%;
  }

  .day {
    margin-bottom: ${tokens.spacing};
    padding-top: ${tokens.spacingSmall};
    border-top: 1px solid ${tokens.colorBorder};
  }

  .doctor {
    margin: 0 0 ${tokens.spacingSmall};
  }

  .times {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(5.2em, 1fr));
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacing};
  }

  button.slot {
    padding: 0 0.4em;
    font-variant-numeric: tabular-nums;
  }

  /* Colour and a tick: the chosen time must not be told by colour alone. */
  button.slot[aria-pressed='true'] {
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
  }

  button.slot[aria-pressed='true']::before {
    content: '✓ ' / '';
  }

  .booking,
  .taken,
  .done {
    margin: 0 0 ${tokens.spacing};
    padding: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  .booking {
    border: 2px solid ${tokens.colorPrimary};
  }

  .taken {
    border: 2px solid ${tokens.colorDanger};
  }

  .taken h3 {
    color: ${tokens.colorDanger};
  }

  h4,
  h5 {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: 0 0 ${tokens.spacingSmall};
  }

  .summary {
    display: grid;
    grid-template-columns: minmax(0, auto) minmax(0, 1fr);
    gap: 4px ${tokens.spacing};
    margin: 0 0 ${tokens.spacing};
  }

  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* Labels above values when the phone is too narrow for two columns. */
  @media (max-width: 420px) {
    .summary {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }

    .summary dd {
      margin-bottom: 4px;
    }
  }

  .topic {
    white-space: pre-wrap;
  }

  .requirements ul {
    margin: 0 0 ${tokens.spacing};
    padding-left: 1.2em;
  }

  .requirements li {
    margin-bottom: 4px;
  }

  textarea {
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  /* The message boxes come from the base styles; here only what differs. */
  .status:not(:empty) {
    margin: 0;
  }

  button[type='submit'],
  .nearest button {
    width: 100%;
  }

  .nearest {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${tokens.spacingSmall};
  }

  .nearest button {
    text-align: start;
    padding: 0.4em 0.8em;
  }

  .nearest .when,
  .nearest .who {
    display: block;
  }

  .nearest .who {
    font-weight: 400;
  }

  .done p {
    margin-bottom: ${tokens.spacingSmall};
  }

  .done button {
    margin-top: ${tokens.spacingSmall};
  }
`;

/** One column on a 360px phone: times wrap three to a row, the booking panel sits under its day. */
export const styles = [focusHeadingStyles, fieldStyles, choiceStyles, optionalMarkStyles, fieldHelpStyles, loadMoreStyles, scheduleStyles];
