import { css } from 'lit';
import { dialogStyles } from '../../styles/dialogs.ts';
import { actionRowStyles, fieldStyles, optionalMarkStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the cards have; the confirmation dialog, its field and its buttons are the shared ones. */
const consultationsStyles = css`
  h3 {
    font-size: max(18px, calc(var(--oz-font-size, 18px) * 1.15));
  }

  .section {
    margin-top: ${tokens.spacing};
  }

  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* A track no wider than the element: the cards' words wrap instead of widening the list. */
    grid-template-columns: minmax(0, 1fr);
    gap: ${tokens.spacing};
  }

  .card {
    padding: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
    border: 1px solid ${tokens.colorBorder};
  }

  h4 {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: 0 0 ${tokens.spacingSmall};
  }

  h4::first-letter {
    text-transform: uppercase;
  }

  h5,
  h6 {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: ${tokens.spacing} 0 4px;
  }

  h5 {
    font-size: ${tokens.fontSizeHeading};
    margin-top: 0;
  }

  .facts {
    margin: 0 0 ${tokens.spacingSmall};
  }

  .facts > div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.4em;
  }

  .facts dt {
    color: ${tokens.colorTextMuted};
  }

  .facts dt::after {
    content: ':';
  }

  .facts dd {
    margin: 0;
  }

  /* A long word in a topic wraps inside the card rather than widening the row. */
  .facts dt,
  .facts dd {
    min-width: 0;
  }

  .status-scheduled,
  .status-in_progress,
  .status-submitted {
    font-weight: 700;
  }

  .status-declined,
  .status-cancelled {
    color: ${tokens.colorDanger};
    font-weight: 700;
  }

  .status-completed {
    color: ${tokens.colorSuccess};
    font-weight: 700;
  }

  .note {
    margin: 0 0 ${tokens.spacingSmall};
  }

  .note.important {
    font-weight: 600;
  }

  .join {
    margin: 0 0 ${tokens.spacingSmall};
  }

  .join-note {
    margin: 0;
    padding: ${tokens.spacingSmall};
    border-inline-start: 4px solid ${tokens.colorPrimary};
    background: ${tokens.colorSurface};
  }

  .card > button {
    margin-top: 4px;
    max-width: 100%;
    min-height: ${tokens.controlHeight};
    height: auto;
    padding-block: 0.3em;
  }

  button.danger-outline {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }

  button.danger {
    border-color: ${tokens.colorDanger};
    background: ${tokens.colorDanger};
    color: #fff;
  }

  .conclusion {
    margin-top: ${tokens.spacing};
    padding: ${tokens.spacing};
    background: ${tokens.colorSurface};
    border-radius: ${tokens.radius};
  }

  .long-text {
    white-space: pre-wrap;
  }

  .muted,
  .loading,
  .sign-in-prompt {
    color: ${tokens.colorTextMuted};
  }

  .dialog {
    width: min(30em, calc(100vw - 16px));
    max-height: calc(100vh - 16px);
  }

  .actions button {
    flex: 1 1 12em;
    height: auto;
    padding-block: 0.3em;
  }

  .chat-toggle {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${tokens.spacingSmall};
    margin-top: ${tokens.spacingSmall};
  }

  .chat-toggle button {
    max-width: 100%;
    height: auto;
    padding-block: 0.3em;
  }

  /* Said in words with an icon beside: not a coloured dot alone. */
  /* A note, not a button: no frame, so no one tries to press it (the button beside it opens the chat). */
  .new-message {
    color: ${tokens.colorPrimary};
    font-weight: 700;
  }

  .print-frame {
    position: fixed;
    width: 0;
    height: 0;
    border: 0;
    visibility: hidden;
  }

  /* 200 % zoom on a phone: the cards' padding shrinks to what the eye needs, so a long word such
     as «Видеоконсультация» still fits a line. */
  @container (max-width: 260px) {
    h3,
    h5 {
      font-size: ${tokens.fontSize};
    }

    /* Side frames go too: a card is marked by its background and the lines above and below it. */
    .card {
      padding: ${tokens.spacingSmall} 4px;
      border-inline-width: 0;
      border-radius: 0;
    }

    .conclusion {
      padding: ${tokens.spacingSmall} 4px;
    }

    .join-note {
      padding: 4px ${tokens.spacingSmall};
    }
  }
`;

/** One column of cards that fits a 360px phone; long texts wrap, buttons take full rows there. */
export const styles = [focusHeadingStyles, fieldStyles, optionalMarkStyles, actionRowStyles, dialogStyles, loadMoreStyles, consultationsStyles];
