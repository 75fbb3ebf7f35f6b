import { css } from 'lit';
import { tokens } from '../../styles/tokens.ts';

/** One column on a 360px phone: times wrap three to a row, the booking panel sits under its day. */
export const styles = css`
  .intro,
  .muted,
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

  fieldset {
    margin: 0 0 ${tokens.spacing};
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend,
  .field label {
    display: block;
    padding: 0;
    font-weight: 600;
    margin-bottom: 4px;
  }

  .radio-row {
    display: flex;
    align-items: flex-start;
    gap: ${tokens.spacingSmall};
    padding: 6px 0;
  }

  .radio-row input[type='radio'] {
    width: 28px;
    height: 28px;
    flex: none;
    margin: 0;
    accent-color: ${tokens.colorPrimary};
  }

  .radio-row label {
    font-weight: 400;
    margin: 0;
    padding-top: 1px;
    overflow-wrap: anywhere;
  }

  .center-title {
    display: block;
    font-weight: 600;
  }

  .hint,
  .counter,
  .field-error {
    display: block;
    font-size: ${tokens.fontSizeSmall};
  }

  .hint,
  .counter,
  .optional {
    color: ${tokens.colorTextMuted};
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

  .field {
    margin-bottom: ${tokens.spacing};
  }

  textarea {
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  .hint {
    margin-bottom: 4px;
  }

  .counter,
  .field-error {
    margin-top: 4px;
  }

  .field-error {
    color: ${tokens.colorDanger};
    font-weight: 600;
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
