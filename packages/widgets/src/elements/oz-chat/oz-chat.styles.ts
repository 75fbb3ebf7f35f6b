import { css } from 'lit';
import { tokens } from '../../styles/tokens.ts';

/**
 * A messenger-like column that fits a 360px phone: the other side's messages on the left, one's
 * own on the right with a coloured edge AND the word «Вы», so the difference never rests on colour.
 */
export const styles = css`
  .chat {
    padding: ${tokens.spacingSmall} 0 0;
    max-width: none;
    background: transparent;
  }

  .title {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: 0 0 4px;
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: 3px solid ${tokens.colorFocus};
  }

  .note,
  .loading,
  .sign-in-prompt {
    color: ${tokens.colorTextMuted};
    margin-bottom: ${tokens.spacingSmall};
  }

  .log {
    max-height: 24em;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* The chat keeps the reader's place itself when earlier messages go in above. */
    overflow-anchor: none;
    padding: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacingSmall};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
  }

  .empty {
    margin: 0;
  }

  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: ${tokens.spacingSmall};
  }

  .day {
    align-self: center;
    padding: 0 0.6em;
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
    font-weight: 600;
  }

  .day::first-letter {
    text-transform: uppercase;
  }

  .group {
    max-width: min(100%, 30em);
    display: flex;
    flex-direction: column;
    gap: 4px;
  }

  .group.own {
    align-self: flex-end;
    align-items: flex-end;
  }

  .group.theirs {
    align-self: flex-start;
  }

  .author {
    margin: 0;
    font-weight: 700;
    font-size: ${tokens.fontSizeSmall};
  }

  .message {
    padding: 6px 10px;
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
    border: 1px solid ${tokens.colorBorder};
    max-width: 100%;
  }

  .own .message {
    border: 2px solid ${tokens.colorPrimary};
    border-right-width: 6px;
    background: ${tokens.colorSurface};
  }

  .theirs .message {
    border-left-width: 6px;
  }

  .text {
    margin: 0;
    white-space: pre-wrap;
  }

  .time {
    display: block;
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
  }

  .own .time {
    text-align: end;
  }

  .form {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }

  label {
    font-weight: 600;
  }

  .hint,
  .counter {
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
  }

  textarea {
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  .counter.over,
  .field-error {
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  .form-error:not(:empty) {
    margin: 4px 0;
  }

  .closed-note {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-left: 6px solid ${tokens.colorBorder};
    background: ${tokens.colorSurfaceAlt};
    border-radius: ${tokens.radius};
    margin-bottom: ${tokens.spacingSmall};
  }

  button[type='submit'] {
    align-self: flex-start;
    margin-top: 4px;
  }

  /* By the chat's own width (it sits inside a consultation card), not the window's. */
  @container (max-width: 30em) {
    button[type='submit'] {
      align-self: stretch;
    }
  }

  /* 200 % zoom on a phone: frames stay, padding shrinks, so a whole word fits a message's line. */
  @container (max-width: 260px) {
    .log {
      padding: 4px;
    }

    .message {
      padding: 4px 6px;
    }
  }
`;
