import { css } from 'lit';
import { actionRowStyles, fieldHelpStyles, fieldStyles, optionalMarkStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { tabStyles } from '../../styles/tabs.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the account forms have; the fields, tabs and action rows are the shared ones. */
const registerStyles = css`
  .tabs {
    margin-bottom: ${tokens.spacing};
  }

  /* Side by side when both words fit; on a narrow phone each tab takes a full row. */
  .tab {
    flex: 1 1 8em;
    padding: 0 0.4em;
  }

  .intro {
    color: ${tokens.colorTextMuted};
  }

  /* «Скачать мои данные»: apart from the everyday buttons above it. */
  .export {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 1px solid ${tokens.colorBorder};
  }

  /* «Удалить аккаунт»: last, and red, so it is never taken for an everyday button. */
  .erase {
    margin-top: ${tokens.spacing};
  }

  button.danger {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }

  .export .hint {
    margin: 0 0 ${tokens.spacingSmall};
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

  /* «Забыли пароль?», «Изменить номер», «Вернуться ко входу»: quiet, still 44px tall to tap. */
  .link-button {
    border-color: transparent;
    background: none;
    padding: 0 0.2em;
    margin-top: ${tokens.spacingSmall};
    text-decoration: underline;
    text-underline-offset: 0.2em;
    font-weight: 400;
  }

  .code-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacing};
  }

  .code-actions .link-button {
    margin-top: 0;
  }

  /* The countdown waits, it is not busy: no progress cursor. */
  .resend:disabled {
    cursor: default;
  }

  .note {
    color: ${tokens.colorTextMuted};
  }

  .code-status:empty {
    display: none;
  }
`;

/** One column that fits a 360px phone; nothing sits side by side unless there is room. */
export const styles = [focusHeadingStyles, tabStyles, fieldStyles, optionalMarkStyles, fieldHelpStyles, actionRowStyles, registerStyles];
