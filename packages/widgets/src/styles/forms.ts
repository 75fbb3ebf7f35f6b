import { css } from 'lit';
import { tokens } from './tokens.ts';

/** A labelled field: the label above its control, fields one under another. */
export const fieldStyles = css`
  .field {
    margin-bottom: ${tokens.spacing};
  }

  .field label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
`;

/** "(необязательно)" after a label: lighter than the label, so the label's words stand out. */
export const optionalMarkStyles = css`
  .optional {
    font-weight: 400;
    color: ${tokens.colorTextMuted};
  }
`;

/** A field's hint (read before typing, under the label) and its error (under the control). */
export const fieldHelpStyles = css`
  .hint,
  .field-error {
    display: block;
    font-size: ${tokens.fontSizeSmall};
  }

  .hint {
    margin-bottom: 4px;
    color: ${tokens.colorTextMuted};
  }

  .field-error {
    margin-top: 4px;
    color: ${tokens.colorDanger};
    font-weight: 600;
  }
`;

/**
 * A choice among options: a fieldset without a frame whose legend reads like a label, and radio
 * rows with a big button and a label beside it that wraps rather than pushing the page wider.
 * Include it after fieldStyles: inside a field, `.radio-row label` must win over `.field label`.
 */
export const choiceStyles = css`
  fieldset {
    margin: 0 0 ${tokens.spacing};
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
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
    min-width: 0;
    font-weight: 400;
    margin: 0;
    padding-top: 1px;
  }
`;

/** A row of buttons (a form's or a dialog's); they wrap onto more rows on a narrow phone. */
export const actionRowStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }
`;
