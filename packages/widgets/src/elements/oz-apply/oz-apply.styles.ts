import { css } from 'lit';
import { choiceStyles } from '../../styles/forms.ts';
import { tokens } from '../../styles/tokens.ts';

/** What only the application has; fields and pickers come from upload.styles.ts, the radio rows are shared. */
const applyStyles = css`
  /* A document to attach: a checkbox row laid out like the radio rows. */
  .attach-row {
    display: flex;
    align-items: flex-start;
    gap: ${tokens.spacingSmall};
    padding: 6px 0;
  }

  .attach-row label {
    font-weight: 400;
    margin: 0;
    padding-top: 1px;
    min-width: 0;
  }

  .fixed-value {
    margin: 0;
    font-size: ${tokens.fontSize};
  }

  .about {
    margin-bottom: ${tokens.spacing};
    padding: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  /* Label above value: side by side, a long label leaves the name one letter wide on a phone. */
  .about dl {
    margin: 0 0 ${tokens.spacingSmall};
  }

  .about dt {
    font-weight: 600;
  }

  .about dd {
    margin: 0 0 ${tokens.spacingSmall};
  }

  .about .hint {
    margin: 0;
  }

  .checklist {
    margin-top: ${tokens.spacing};
  }

  .legend-heading {
    margin: 0;
  }

  .documents-error {
    margin: 0 0 ${tokens.spacingSmall};
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorDangerSurface};
  }

  .kind-rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* A track no wider than the element: a long file name wraps instead of widening the list. */
    grid-template-columns: minmax(0, 1fr);
    gap: ${tokens.spacingSmall};
  }

  .kind-row {
    padding: ${tokens.spacing};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  .kind-row.others {
    margin-top: ${tokens.spacingSmall};
  }

  .kind-row.missing {
    border: 2px solid ${tokens.colorDanger};
  }

  .kind-title {
    margin: 0 0 4px;
    font-weight: 700;
  }

  .requirement {
    font-weight: 400;
    color: ${tokens.colorTextMuted};
  }

  .requirement.required {
    font-weight: 600;
    color: ${tokens.colorText};
  }

  .not-uploaded {
    margin: 0 0 ${tokens.spacingSmall};
    color: ${tokens.colorTextMuted};
  }

  .kind-row.missing .not-uploaded {
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  .kind-row .pickers {
    margin-top: ${tokens.spacingSmall};
  }

  .kind-row .form-error:not(:empty) {
    margin: ${tokens.spacingSmall} 0 0;
  }

  .done h3 {
    color: ${tokens.colorSuccess};
  }

  .done p {
    margin-bottom: ${tokens.spacingSmall};
  }

  .done button {
    margin-top: ${tokens.spacingSmall};
  }

  .loading {
    color: ${tokens.colorTextMuted};
  }

  /* 200 % zoom on a phone: the boxes' side frames and most of their padding give the words room;
     the lines above and below still mark each document row. */
  @container (max-width: 260px) {
    .about,
    .kind-row {
      padding: ${tokens.spacingSmall} 4px;
      border-inline-width: 0;
      border-radius: 0;
    }
  }
`;

/** The application form: radios with long center names, the profile, the document checklist. */
export const styles = [choiceStyles, applyStyles];
