import { css } from 'lit';
import { choiceStyles, fieldHelpStyles, fieldStyles, optionalMarkStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the schedule has; the fields, the radio rows and the focus of headings are the shared ones. */
const scheduleStyles = css`
  /* The element adapts to the width it is given (a sidebar, a phone, 200 % zoom), not the window's. */
  :host {
    container: oz-duty-schedule / inline-size;
  }

  /* Long words wrap whole (or hyphenated where the browser knows the language), never letter by letter. */
  .oz-base {
    overflow-wrap: break-word;
    hyphens: auto;
  }

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

  /* A compact grid: «09:00 09:30 …» in rows that wrap, four or more to a row on a phone. */
  .times {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(3.7em, 1fr));
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacing};
  }

  button.slot {
    position: relative;
    padding: 0 0.2em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Filled, bold-bordered and ticked: the chosen time must not be told by colour alone. The tick
     sits in the corner so the chosen button is no wider than the others. */
  button.slot[aria-pressed='true'] {
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
    box-shadow: 0 0 0 2px ${tokens.colorSurface}, 0 0 0 4px ${tokens.colorPrimary};
  }

  button.slot[aria-pressed='true']::before {
    content: '✓' / '';
    position: absolute;
    top: 0;
    left: 3px;
    font-size: 0.7em;
    line-height: 1.3;
  }

  .signed-in-note {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    color: ${tokens.colorSuccess};
    background: ${tokens.colorSuccessSurface};
    font-weight: 600;
  }

  .channel-line {
    margin: 0;
  }

  .channel-line .label {
    font-weight: 600;
  }

  .channel {
    margin-bottom: ${tokens.spacing};
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
  }

  /* Labels above values when the element is too narrow for two columns. */
  @container oz-duty-schedule (max-width: 420px) {
    .summary {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }

    .summary dd {
      margin-bottom: 4px;
    }
  }

  /* A phone at 200 % zoom: every pixel goes to the text, the element's own padding goes first. */
  @container oz-duty-schedule (max-width: 300px) {
    .oz-base {
      padding: ${tokens.spacingSmall} 0;
    }

    .booking,
    .taken,
    .done {
      padding: ${tokens.spacingSmall};
    }

    .note,
    .empty,
    .signed-in-note {
      padding: ${tokens.spacingSmall};
    }

    .times {
      grid-template-columns: repeat(auto-fill, minmax(3.5em, 1fr));
      gap: 6px;
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

/**
 * 200 % zoom of a small phone: the smallest text the program allows (16px), so that long words
 * («гинекологических») still fit a line where the browser has no hyphenation for the language.
 */
const narrowStyles = css`
  @container oz-duty-schedule (max-width: 220px) {
    .oz-base {
      --oz-font-size: 16px;
    }
  }
`;

/** One column on a 360px phone: times wrap four to a row, the booking panel sits under its day. */
export const styles = [focusHeadingStyles, fieldStyles, choiceStyles, optionalMarkStyles, fieldHelpStyles, loadMoreStyles, scheduleStyles, narrowStyles];
