import { css } from 'lit';
import { dialogStyles } from '../../styles/dialogs.ts';
import { actionRowStyles, fieldHelpStyles, fieldStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { tabStyles } from '../../styles/tabs.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the desk has; fields, tabs, action rows and dialogs are the shared ones. */
const deskStyles = css`
  /* The desk adapts to its own width (the column a host page gives it), not to the window's. */
  :host {
    container: desk / inline-size;
  }

  .desk {
    max-width: 56em;
  }

  /* A consultation's screen puts its parts side by side: it takes the whole width it is given. */
  .desk:has(.screen) {
    max-width: none;
  }

  /*
   * Whole words wrap onto more lines, rather than one long label pushing the desk wider; where the
   * browser knows the language's hyphenation (phones do), a word too long for the line is hyphenated.
   */
  .desk {
    hyphens: auto;
  }

  button {
    height: auto;
    padding-block: 0.25em;
    white-space: normal;
    overflow-wrap: break-word;
    text-align: center;
  }

  h2,
  h3,
  h4,
  h5,
  p,
  dt,
  dd,
  legend,
  label {
    overflow-wrap: break-word;
  }

  .header {
    margin-bottom: ${tokens.spacing};
  }

  .doctor,
  .meta,
  .submitted,
  .note,
  .optional {
    color: ${tokens.colorTextMuted};
  }

  .doctor,
  .meta,
  .submitted,
  .summary {
    margin-bottom: ${tokens.spacingSmall};
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
    align-items: stretch;
    margin-bottom: ${tokens.spacing};
  }

  .tabs {
    flex: 1 1 20em;
  }

  .tab {
    flex: 1 1 auto;
    padding: 0 0.8em;
  }

  .count {
    display: inline-block;
    min-width: 1.6em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: ${tokens.colorSurfaceAlt};
    color: ${tokens.colorText};
    font-weight: 700;
  }

  .refresh {
    flex: 0 1 auto;
  }

  .cards,
  .document-list,
  .slot-list {
    list-style: none;
    margin: 0 0 ${tokens.spacing};
    padding: 0;
    display: grid;
    /* One column no wider than the desk: a long word wraps inside its card, never widens the list. */
    grid-template-columns: minmax(0, 1fr);
    gap: ${tokens.spacing};
  }

  .slot-list {
    gap: ${tokens.spacingSmall};
  }

  .card {
    padding: ${tokens.spacing};
    border: 2px solid transparent;
    border-left: 6px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  .card.overdue {
    border-color: ${tokens.colorDanger};
    border-left-width: 6px;
  }

  .card.today {
    border-color: ${tokens.colorPrimary};
    border-left-width: 6px;
  }

  .card.cancelled {
    border-left-style: dashed;
  }

  .card-title {
    font-size: ${tokens.fontSizeHeading};
    margin: 0 0 4px;
    overflow-wrap: anywhere;
  }

  h4,
  h5 {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: ${tokens.spacing} 0 ${tokens.spacingSmall};
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacingSmall};
  }

  .badge {
    display: inline-block;
    padding: 2px 0.6em;
    border-radius: ${tokens.radius};
    border: 1px solid ${tokens.colorBorder};
    background: ${tokens.colorSurface};
    font-size: ${tokens.fontSizeSmall};
  }

  .overdue-badge {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
    background: ${tokens.colorDangerSurface};
    font-weight: 700;
  }

  .today-badge {
    border-color: ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
    font-weight: 700;
  }

  .referral-badge {
    font-weight: 600;
  }

  .when {
    font-weight: 600;
    margin-bottom: 4px;
  }

  .done {
    color: ${tokens.colorSuccess};
    font-weight: 600;
  }

  .actions:empty {
    display: none;
  }

  .back {
    margin-bottom: ${tokens.spacing};
  }

  .facts {
    margin: 0 0 ${tokens.spacing};
  }

  .fact {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    padding: ${tokens.spacingSmall} 0;
    border-bottom: 1px solid ${tokens.colorSurfaceAlt};
  }

  .fact dt {
    font-weight: 700;
  }

  .fact dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  @container desk (min-width: 40em) {
    .fact {
      grid-template-columns: 12em minmax(0, 1fr);
      gap: ${tokens.spacing};
    }
  }

  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .document {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 4px;
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  .document-kind {
    font-weight: 700;
  }

  .document-name {
    overflow-wrap: anywhere;
  }

  .document-details {
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
  }

  .document button {
    justify-self: start;
  }

  .form {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 2px solid ${tokens.colorSurfaceAlt};
  }

  /* The margin again here: the date-and-time fieldsets also carry .when, which would beat the shared .field margin. */
  fieldset.field {
    margin: 0 0 ${tokens.spacing};
    border: 0;
    padding: 0;
    min-width: 0;
  }

  .field legend {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
    padding: 0;
  }

  .field .optional,
  .field .hint {
    font-weight: 400;
  }

  .when-inputs {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall} ${tokens.spacing};
  }

  .when-input {
    flex: 1 1 10em;
    min-width: 0;
  }

  .radio-row {
    display: flex;
    align-items: center;
    gap: ${tokens.spacingSmall};
    min-height: ${tokens.controlHeight};
  }

  .radio-row input {
    width: 28px;
    height: 28px;
    flex: none;
    margin: 0;
    accent-color: ${tokens.colorPrimary};
  }

  .field .radio-row label {
    font-weight: 400;
    margin: 0;
  }

  textarea {
    resize: vertical;
  }

  input[aria-invalid='true'],
  textarea[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  .load-error {
    margin-bottom: ${tokens.spacing};
  }

  button[type='submit'] {
    width: 100%;
  }

  .actions button[type='submit'] {
    width: auto;
    flex: 1 1 10em;
  }

  .conclusion {
    padding: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  .conclusion h4 {
    margin-top: 0;
  }

  .dialog {
    width: min(32em, calc(100vw - 16px));
    max-height: calc(100vh - 16px);
  }

  .dialog .form {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .topic {
    margin-bottom: ${tokens.spacingSmall};
    overflow-wrap: anywhere;
  }

  /* Said in words with an icon beside: not a coloured mark alone. */
  .new-message {
    border: 2px solid ${tokens.colorPrimary};
    color: ${tokens.colorPrimary};
    font-weight: 700;
    margin: 0 0 ${tokens.spacingSmall};
  }

  .chat {
    margin: ${tokens.spacing} 0;
  }

  /* Time and status on the left, the button on the right: one short row per slot on a phone. */
  .slot {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: ${tokens.spacingSmall};
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
    border-left: 6px solid ${tokens.colorBorder};
  }

  .slot.booked {
    grid-template-columns: minmax(0, 1fr);
    border-left-color: ${tokens.colorPrimary};
  }

  .slot-info {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px ${tokens.spacingSmall};
  }

  .slot-time {
    font-weight: 700;
  }

  .slot-patient {
    flex: 1 1 100%;
    overflow-wrap: anywhere;
  }

  .slot button {
    padding: 0 0.8em;
    height: auto;
  }

  .slot.booked button {
    justify-self: start;
  }

  .free-badge {
    border-color: ${tokens.colorSuccess};
    color: ${tokens.colorSuccess};
    font-weight: 600;
  }

  .booked-badge {
    border-color: ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
    font-weight: 600;
  }

  .preview:empty {
    display: none;
  }

  /* «Отказать в консультации»: a second, quieter step in red outline, never the look of «Назначить». */
  button.danger {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
    background: ${tokens.colorSurface};
  }

  button.danger:hover:not(:disabled) {
    background: ${tokens.colorDangerSurface};
  }

  .decline-start {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 2px solid ${tokens.colorSurfaceAlt};
  }

  .decline-form {
    border-top-color: ${tokens.colorDanger};
  }

  .call-ended-mark {
    border: 2px solid ${tokens.colorText};
    font-weight: 700;
    margin: 0 0 ${tokens.spacingSmall};
  }

  /* One consultation's screen: the call, the application and documents, the conclusion, the chat. */
  .screen-grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: ${tokens.spacing};
    margin-top: ${tokens.spacing};
  }

  .screen-column {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: ${tokens.spacing};
    align-content: start;
    min-width: 0;
  }

  .pane {
    min-width: 0;
  }

  /* A call in progress: across the whole screen, above the application, the chat and the conclusion. */
  .pane-wide {
    grid-column: 1 / -1;
  }

  .pane > section > h4:first-child,
  .pane > .chat,
  .pane > .form,
  .pane > .conclusion {
    margin-top: 0;
  }

  .pane > .form {
    border-top: 0;
    padding-top: 0;
  }

  .screen-tabs {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  .screen-tab {
    flex: 1 1 auto;
    border-color: ${tokens.colorBorder};
    color: ${tokens.colorText};
    padding-inline: 0.6em;
  }

  .screen-tab[aria-selected='true'] {
    border-color: ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
  }

  .screen-tab[aria-selected='true'] .count {
    color: ${tokens.colorText};
  }

  .call-pane {
    padding: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  .call-pane oz-video-room {
    display: block;
  }

  /* A PDF or a picture of the patient's, read in the page. */
  .viewer {
    margin: 0 0 ${tokens.spacing};
    padding: ${tokens.spacingSmall};
    border: 2px solid ${tokens.colorPrimary};
    border-radius: ${tokens.radius};
  }

  .viewer-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacingSmall};
  }

  .viewer-title {
    flex: 1 1 12em;
    min-width: 0;
    margin: 0;
    overflow-wrap: anywhere;
  }

  .viewer-frame {
    display: block;
    width: 100%;
    height: min(75vh, 60em);
    border: 1px solid ${tokens.colorBorder};
    background: ${tokens.colorSurfaceAlt};
  }

  .viewer-image {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0 auto;
    background: ${tokens.colorSurfaceAlt};
  }

  .document.shown {
    outline: 2px solid ${tokens.colorPrimary};
  }

  .document .actions button {
    flex: 0 1 auto;
  }

  /* Side by side from a wide desk (a doctor's desktop); the parts' tabs are then not needed. */
  @container desk (min-width: 1000px) {
    .screen-tabs {
      display: none;
    }

    .screen-grid {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }

  /* Narrower: one part at a time, chosen with the tabs. */
  @container desk (max-width: 999.98px) {
    .screen-column {
      display: contents;
    }

    .pane:not(.selected) {
      display: none;
    }
  }

  /* A phone, or a phone at 200 % zoom: the page's own margins are enough, every pixel goes to the text. */
  @container desk (max-width: 480px) {
    .oz-base {
      padding: 0;
    }

    .card,
    .call-pane,
    .conclusion,
    .document {
      padding: ${tokens.spacingSmall};
    }

    button {
      padding-inline: 0.5em;
    }

    .tab,
    .screen-tab {
      flex: 1 1 100%;
    }

    .fact {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  /* A phone at 200 % zoom (180 px): the smallest text the guide allows, so names fit whole words. */
  @container desk (max-width: 260px) {
    .oz-base {
      font-size: 16px;
    }

    h2,
    h3,
    h4 {
      font-size: 18px;
    }
  }

  /* A phone at 200 % zoom inside a page's own margins (~130 px): the smallest sizes the guide allows. */
  @container desk (max-width: 200px) {
    button {
      padding-inline: 0.2em;
      font-size: 16px;
    }

    h2,
    h3,
    h4 {
      font-size: 17px;
    }

    .tabs,
    .tab {
      min-width: 0;
    }
  }
`;

/**
 * One column that fits a 360px phone; the desk gets wider than the resident widgets because
 * doctors read it on a desktop, but nothing sits side by side unless there is room.
 */
export const styles = [focusHeadingStyles, tabStyles, fieldStyles, fieldHelpStyles, actionRowStyles, dialogStyles, loadMoreStyles, deskStyles];
