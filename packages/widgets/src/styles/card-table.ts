import { css } from 'lit';
import { tokens } from './tokens.ts';

/**
 * A data table, lines around every cell and a shaded header row. Where the element is too narrow
 * for its columns, put `cardRows` inside the element's own container query: see there.
 */
export const tableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: ${tokens.spacingSmall};
  }

  th,
  td {
    padding: 6px ${tokens.spacingSmall};
    border: 1px solid ${tokens.colorBorder};
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }

  thead th {
    background: ${tokens.colorSurfaceAlt};
  }
`;

/**
 * The table as one card per row (a phone, a sidebar): each cell on its own line under its column's
 * name (`data-label` on the cell), the header row hidden but still read by screen readers. Rules
 * for the inside of the element's `@container (max-width: …) { ${cardRows} }`, its breakpoint
 * depending on how many columns it has; `container-type: inline-size` goes on a wrapper inside the
 * element. The table's parts need their `role`s spelled out: browsers drop a table's semantics
 * once its parts are no longer `display: table`.
 */
export const cardRows = css`
  table,
  thead,
  tbody,
  tr,
  th,
  td {
    display: block;
  }

  thead tr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }

  tbody tr {
    margin-bottom: ${tokens.spacingSmall};
    padding: ${tokens.spacingSmall};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  th,
  td {
    border: none;
    padding: 2px 0;
  }

  [data-label]::before {
    content: attr(data-label) ': ';
    color: ${tokens.colorTextMuted};
    font-weight: 400;
  }

  td[data-label]::before {
    display: block;
  }
`;
