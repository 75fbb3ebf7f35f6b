import { css } from 'lit';

/**
 * What every element carries for readers with poor sight: the words that stand in for a picture
 * hidden by the version for the visually impaired (its rules: low-vision-theme.ts, loaded when it is
 * on), and the system's own settings: more contrast, Windows contrast themes, less motion.
 */
export const lowVisionStyles = css`
  .img-alt {
    display: none !important;
  }

  /* More contrast asked of the system: grey text and borders take the text's colour. */
  @media (prefers-contrast: more) {
    :host {
      --oz-color-text-muted: var(--oz-color-text, #1b1f24);
      --oz-color-border: var(--oz-color-text, #1b1f24);
    }
  }

  /* Windows contrast themes force system colours (Canvas, CanvasText, ButtonText, LinkText) and drop
     shadows by themselves; a chosen button's fill would be forced away too, so it takes Highlight,
     and so does the focus ring. */
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight !important;
    }

    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight !important;
      color: HighlightText !important;
    }
  }

  /* Nothing of ours moves today; this keeps it so. */
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
