import { css } from 'lit';
import { tokens } from '../../styles/tokens.ts';

/** One column that fits a 360px phone; nothing sits side by side unless there is room. */
export const styles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacing};
  }

  /* Side by side when both words fit; on a narrow phone each tab takes a full row. */
  .tab {
    flex: 1 1 8em;
    min-width: 0;
    padding: 0 0.4em;
    border-color: ${tokens.colorBorder};
    color: ${tokens.colorText};
  }

  .tab[aria-pressed='true'] {
    border-color: ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
  }

  .intro {
    color: ${tokens.colorTextMuted};
  }

  .field {
    margin-bottom: ${tokens.spacing};
  }

  .field label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }

  .optional {
    font-weight: 400;
    color: ${tokens.colorTextMuted};
  }

  .control {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  .control input {
    flex: 1 1 12em;
  }

  .reveal {
    flex: none;
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
  }

  .hint {
    color: ${tokens.colorTextMuted};
  }

  .field-error {
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  .checkbox-row {
    display: flex;
    align-items: flex-start;
    gap: ${tokens.spacingSmall};
  }

  .checkbox-row label {
    font-weight: 400;
    margin: 0;
    padding-top: 2px;
  }

  .consent-link {
    display: inline-block;
    margin-top: 4px;
    padding: 8px 0;
  }

  /* The message boxes come from the base styles; here only what differs. */
  .status:not(:empty) {
    margin: ${tokens.spacing} 0 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  button[type='submit'] {
    width: 100%;
  }

  .actions button[type='submit'] {
    width: auto;
    flex: 1 1 12em;
  }

  .user {
    font-size: ${tokens.fontSizeHeading};
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 3px solid ${tokens.colorFocus};
  }
`;
