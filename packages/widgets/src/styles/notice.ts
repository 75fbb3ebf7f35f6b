import { css } from 'lit';
import { tokens } from './tokens.ts';

/** A notice: neither error nor confirmation. It has the shape of the base styles' message boxes, with a calm edge. */
export const noticeStyles = css`
  .notice {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    margin-bottom: ${tokens.spacing};
    background: ${tokens.colorSurfaceAlt};
    border-left: 4px solid ${tokens.colorPrimary};
    font-weight: 400;
  }
`;
