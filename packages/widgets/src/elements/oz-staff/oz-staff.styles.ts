import { css } from 'lit';
import { cardRows, tableStyles } from '../../styles/card-table.ts';
import { dialogStyles } from '../../styles/dialogs.ts';
import { actionRowStyles, choiceStyles, fieldHelpStyles, fieldStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the staff list has; fields, radios, dialogs and the table's cards are the shared ones. */
const staffStyles = css`
  .oz-base {
    /* Seven columns side by side on a desktop; the table switches to cards by the element's own
       width, wherever the page puts it. */
    max-width: 72em;
    container-type: inline-size;
  }

  /* Lines of prose stay short enough to read even where the table is wide. */
  .intro,
  .hint-text,
  .handover .note,
  .add-form {
    max-width: 40em;
  }

  .intro,
  .hint-text,
  .empty,
  .loading {
    color: ${tokens.colorTextMuted};
  }

  th,
  td {
    overflow-wrap: break-word;
  }

  th.name {
    font-weight: 600;
  }

  .you {
    font-weight: 400;
    color: ${tokens.colorTextMuted};
  }

  .phone {
    white-space: nowrap;
  }

  /* Each status on a line of its own; a disabled account stands out by words and colour. */
  td[part~='staff-state'] span {
    display: block;
  }

  .off {
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  .must-change {
    color: ${tokens.colorTextMuted};
  }

  tr[part~='staff-row-disabled'] th.name {
    color: ${tokens.colorTextMuted};
  }

  .row-actions {
    display: flex;
    flex-direction: column;
    gap: 6px;
    /* In the wide table the column takes room from the names, so «Новый пароль по СМС» wraps once at most. */
    min-width: 10em;
  }


  .row-actions button {
    padding-inline: 0.6em;
    line-height: 1.25;
  }

  button.danger {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }


  .handover {
    margin-bottom: ${tokens.spacing};
    padding: ${tokens.spacing};
    border-left: 4px solid ${tokens.colorDanger};
    background: ${tokens.colorSurfaceAlt};
    border-radius: ${tokens.radius};
  }

  .handover table {
    background: ${tokens.colorSurface};
  }

  .add {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 1px solid ${tokens.colorBorder};
  }

  .add-form input[type='text'],
  .add-form input[type='tel'] {
    max-width: 24em;
  }

  .checkbox-row {
    display: flex;
    align-items: flex-start;
    gap: ${tokens.spacingSmall};
  }

  .checkbox-row label {
    font-weight: 400;
    margin: 0;
  }

  .dialog {
    width: min(32em, calc(100vw - 2 * ${tokens.spacing}));
  }

  /* Seven columns need room: below it, one card per person, the name first and the buttons in a row. */
  @container (max-width: 56em) {
    ${cardRows}

    th.name {
      font-size: ${tokens.fontSizeHeading};
    }


    .row-actions {
      flex-direction: row;
      flex-wrap: wrap;
      margin-top: ${tokens.spacingSmall};
      min-width: 0;
    }

    .row-actions button {
      flex: 1 1 auto;
    }
  }
`;

export const styles = [focusHeadingStyles, fieldStyles, choiceStyles, fieldHelpStyles, actionRowStyles, tableStyles, dialogStyles, staffStyles];
