import { css } from 'lit';
import { cardRows, tableStyles } from '../../styles/card-table.ts';
import { fieldHelpStyles, fieldStyles } from '../../styles/forms.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the journal has; the fields, the table's cards and «Показать ещё» are the shared ones. */
const trailStyles = css`
  .oz-base {
    /* Five columns side by side on a desktop; the table switches to cards by the element's own
       width, wherever the page puts it. */
    max-width: 64em;
    container-type: inline-size;
  }

  /* Lines of prose stay short enough to read even where the table is wide. */
  .intro,
  .download .hint {
    max-width: 40em;
  }

  .intro,
  .empty,
  .loading {
    color: ${tokens.colorTextMuted};
  }

  /* The phone and its button side by side while there is room; one under the other when not. */
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
    align-items: flex-start;
  }

  /* A phone number is short: a full-width field would look like it wants a paragraph. */
  .search-row input {
    flex: 1 1 12em;
    max-width: 20em;
  }

  .search-row button {
    flex: 0 1 auto;
  }

  .trail {
    margin-top: ${tokens.spacing};
    padding-top: ${tokens.spacing};
    border-top: 1px solid ${tokens.colorBorder};
  }

  .patient {
    display: flex;
    flex-wrap: wrap;
    column-gap: ${tokens.spacing};
  }

  .download {
    margin-bottom: ${tokens.spacing};
  }

  .download .hint {
    margin-top: 4px;
  }

  /* Side by side, a word is never split: «врач» or an address must not break letter by letter to
     give another column room. */
  th,
  td {
    overflow-wrap: break-word;
  }

  th.when {
    font-weight: 600;
    min-width: 9em;
  }

  /* Five columns need room: below it, one card per entry, its time first. */
  @container (max-width: 44em) {
    ${cardRows}

    th.when {
      min-width: 0;
    }

    /* A card's line is the whole width: only data such as a long address may break anywhere. */
    th,
    td {
      overflow-wrap: anywhere;
    }
  }

  /* 200 % zoom on a phone: the button under the field at full width, the field as wide as the column. */
  @container (max-width: 260px) {
    .search-row input {
      max-width: none;
    }
  }
`;

export const styles = [focusHeadingStyles, fieldStyles, fieldHelpStyles, tableStyles, loadMoreStyles, trailStyles];
