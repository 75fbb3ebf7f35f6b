import { css } from 'lit';
import { tokens } from './tokens.ts';

/** An upload's progress: its label, then the bar with the percentage beside it. Each element draws the bar. */
export const uploadProgressStyles = css`
  .upload-progress {
    margin-bottom: ${tokens.spacing};
  }

  .upload-progress label {
    display: block;
    font-weight: 600;
  }

  .progress-row {
    display: flex;
    align-items: center;
    gap: ${tokens.spacingSmall};
    margin: 4px 0 ${tokens.spacingSmall};
  }

  progress {
    flex: 1 1 auto;
    min-width: 0;
    height: 20px;
  }

  .progress-text {
    flex: none;
    font-variant-numeric: tabular-nums;
  }
`;
