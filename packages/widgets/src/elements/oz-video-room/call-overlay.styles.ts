import { css } from 'lit';
import { visuallyHidden } from '../../styles/base.ts';
import { tokens } from '../../styles/tokens.ts';

/**
 * The call over the whole screen (see CallOverlay): a status line on top, the other side as large
 * as the screen allows (contain: a document shown to the camera must not be cropped), oneself in the
 * top corner, and the buttons along the bottom, one short word under each icon.
 */
export const overlayStyles = css`
  .call.overlay {
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    width: auto;
    height: auto;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 0;
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr) auto;
    grid-template-areas: 'status' 'quality' 'stage' 'controls';
    background: #000000;
    color: #ffffff;
    overflow: auto;
    overscroll-behavior: contain;
  }

  .overlay h3 {
    ${visuallyHidden}
  }

  .overlay .call-status {
    grid-area: status;
    margin: 0;
    padding: 6px ${tokens.spacingSmall};
    border-radius: 0;
    background: #1b1f24;
    color: #ffffff;
  }

  .overlay .call-status.warning {
    background: ${tokens.colorDanger};
    color: #ffffff;
  }

  .overlay .quality-slot {
    grid-area: quality;
    min-height: 0;
    margin: 0;
    background: #1b1f24;
  }

  .overlay .quality {
    margin: 0;
    padding: 0 ${tokens.spacingSmall} 6px;
    background: #1b1f24;
    font-size: ${tokens.fontSizeSmall};
  }

  .overlay .bar {
    border-color: #9aa4b1;
  }

  .overlay .stage {
    grid-area: stage;
    min-height: 8em;
    margin: 0;
    border-radius: 0;
    background: #000000;
  }

  .overlay .remote,
  .overlay .remote-placeholder {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    max-height: none;
    aspect-ratio: auto;
    border-radius: 0;
  }

  .overlay .self {
    top: ${tokens.spacingSmall};
    right: ${tokens.spacingSmall};
    bottom: auto;
    width: min(30%, 9rem);
    min-width: 64px;
  }

  /* Three buttons abreast from 320 px (the longest word, «Микрофон», needs 100 px); the doctor's
     «Завершить» takes a row of its own, apart from the everyday switches. */
  .overlay .controls {
    grid-area: controls;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(100px, 1fr));
    gap: 4px;
    padding: 6px 4px calc(6px + env(safe-area-inset-bottom, 0px));
    background: #1b1f24;
  }

  .overlay .control {
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    min-height: 64px;
    padding: 4px 2px;
    font-size: 16px;
    line-height: 1.2;
  }

  .overlay .control.end {
    grid-column: 1 / -1;
    flex-direction: row;
    min-height: 48px;
  }

  /* 200 % zoom of a phone: one button a row, the word beside its icon; the quality shrinks to its
     bars beside the status (its words stay for screen readers), so the picture keeps some height. */
  @media (max-width: 315px) {
    .call.overlay {
      grid-template-rows: auto minmax(0, 1fr) auto;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'status quality' 'stage stage' 'controls controls';
    }

    .overlay .call-status {
      font-size: 16px;
      line-height: 1.3;
    }

    .overlay .quality {
      padding: 6px ${tokens.spacingSmall};
    }

    .overlay .quality-words {
      ${visuallyHidden}
    }

    .overlay .stage {
      min-height: 96px;
    }

    .overlay .controls {
      grid-template-columns: minmax(0, 1fr);
    }

    .overlay .control {
      flex-direction: row;
      justify-content: flex-start;
      min-height: 48px;
      padding-inline: ${tokens.spacingSmall};
    }

    .overlay .control .icon {
      width: 24px;
      height: 24px;
    }
  }

  .overlay .control:not(.off):not(.end) {
    border-color: #ffffff;
  }

  .overlay .control .icon {
    width: 28px;
    height: 28px;
  }

  .overlay :focus-visible {
    outline-color: #ffffff;
  }

  /* A phone turned sideways: the buttons go to the right edge, the picture keeps the height. */
  @media (orientation: landscape) and (max-height: 500px) {
    .call.overlay {
      grid-template-rows: auto auto minmax(0, 1fr);
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'status controls' 'quality controls' 'stage controls';
    }

    .overlay .controls {
      grid-template-columns: 104px;
      align-content: center;
      padding: 4px calc(4px + env(safe-area-inset-right, 0px)) 4px 4px;
    }

    .overlay .control.end {
      flex-direction: column;
      min-height: 64px;
    }
  }
`;
