import { css } from 'lit';
import { dialogStyles } from '../../styles/dialogs.ts';
import { fieldStyles } from '../../styles/forms.ts';
import { tokens } from '../../styles/tokens.ts';
import { overlayStyles } from './call-overlay.styles.ts';

const videoBackground = css`var(--oz-video-background, #1b1f24)`;

/** What only the video room has; the fields and the dialog are the shared ones. */
const roomStyles = css`
  /* The room adapts to its own width, not the window's: a sidebar on a desktop is as narrow as a phone. */
  :host {
    container: oz-video-room / inline-size;
  }

  .room {
    max-width: 48em;
    /* Words wrap whole (or hyphenated in the page's language), never letter by letter. */
    overflow-wrap: normal;
    hyphens: auto;
  }

  h4 {
    font-size: ${tokens.fontSize};
    margin: 0 0 ${tokens.spacingSmall};
  }

  .subtitle {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1em;
    color: ${tokens.colorTextMuted};
  }

  .muted,
  .loading,
  .sign-in-prompt,
  .intro,
  .hint {
    color: ${tokens.colorTextMuted};
  }

  .hint {
    font-size: ${tokens.fontSizeSmall};
    margin: 4px 0 0;
  }

  .wide {
    width: 100%;
  }

  .form-error {
    color: ${tokens.colorDanger};
    font-weight: 600;
  }

  .form-error:not(:empty) {
    margin: ${tokens.spacing} 0;
  }

  video {
    display: block;
    width: 100%;
    background: ${videoBackground};
    border-radius: ${tokens.radius};
    object-fit: contain;
  }

  /* One's own picture is shown as in a mirror, which is what people expect of themselves. */
  .mirrored {
    transform: scaleX(-1);
  }

  video[hidden] {
    display: none;
  }

  /* The check before joining */
  .preview-frame {
    position: relative;
    min-height: 6em;
    margin-bottom: ${tokens.spacing};
  }

  /* Small enough that the check and its button fit a desktop window under the host's header. */
  .preview-frame video {
    aspect-ratio: 4 / 3;
    max-height: 40vh;
  }

  .preview-note {
    margin: 0;
    padding: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
  }

  .level {
    margin-bottom: ${tokens.spacing};
  }

  /* The microphone level's label, set like a field's. */
  .level label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }

  meter {
    display: block;
    width: 100%;
    height: 24px;
  }

  .connection {
    margin: ${tokens.spacing} 0;
    padding: ${tokens.spacing};
    border: 2px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  .connection-result p {
    margin-bottom: ${tokens.spacingSmall};
  }

  /* The verdict is what matters; the figures follow for whoever wants them. */
  .connection-result .speeds {
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
  }

  .connection-result p:last-child {
    margin-bottom: 0;
  }

  .verdict {
    font-weight: 600;
  }

  .verdict-video .verdict {
    color: ${tokens.colorSuccess};
  }

  .verdict-audio .verdict,
  .verdict-poor .verdict {
    color: ${tokens.colorDanger};
  }

  /* The camera and microphone lists wait behind one line: most people never need them. */
  .devices {
    margin-bottom: ${tokens.spacing};
  }

  .devices summary {
    display: flex;
    align-items: center;
    min-height: ${tokens.controlHeight};
    color: ${tokens.colorPrimary};
    font-weight: 600;
    cursor: pointer;
  }

  .devices[open] summary {
    margin-bottom: ${tokens.spacingSmall};
  }

  .checkbox-field {
    display: flex;
    align-items: center;
    gap: ${tokens.spacingSmall};
    min-height: ${tokens.controlHeight};
    margin-bottom: ${tokens.spacing};
  }

  .problem {
    margin-bottom: ${tokens.spacing};
    padding: ${tokens.spacing};
    border: 2px solid ${tokens.colorDanger};
    border-radius: ${tokens.radius};
    background: ${tokens.colorDangerSurface};
  }

  .problem ol {
    margin: 0 0 ${tokens.spacing};
    padding-inline-start: 1.5em;
  }

  .problem li {
    margin-bottom: 4px;
  }

  /* The call */
  .call-status {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurfaceAlt};
    font-weight: 600;
  }

  .call-status.warning {
    background: ${tokens.colorDangerSurface};
    color: ${tokens.colorDanger};
  }

  .stage {
    position: relative;
    margin-bottom: ${tokens.spacing};
    border-radius: ${tokens.radius};
    background: ${videoBackground};
  }

  /* In the page (a desktop) the picture leaves room for the heading, the status, the quality and
     the buttons, so the whole call fits the window. */
  .remote,
  .remote-placeholder {
    aspect-ratio: 4 / 3;
    max-height: max(8em, calc(100vh - 16em));
    max-height: max(8em, calc(100dvh - 16em));
  }

  .remote-placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    color: #9aa4b1;
  }

  .remote-placeholder .icon {
    width: 30%;
    height: 30%;
  }

  .self {
    position: absolute;
    right: ${tokens.spacingSmall};
    bottom: ${tokens.spacingSmall};
    width: 30%;
    min-width: 96px;
    max-width: 200px;
  }

  .self video {
    aspect-ratio: 4 / 3;
    border: 2px solid #ffffff;
  }

  .self-off {
    margin: 0;
    padding: 4px 8px;
    border-radius: ${tokens.radius};
    background: rgba(0, 0, 0, 0.75);
    color: #ffffff;
    font-size: ${tokens.fontSizeSmall};
    text-align: center;
  }

  .play {
    position: absolute;
    inset: 0;
    margin: auto;
    width: fit-content;
    max-width: 90%;
    height: fit-content;
    min-height: 64px;
    padding: 0.5em 1.2em;
  }

  .quality-slot {
    min-height: calc(${tokens.lineHeight} * 1em);
    margin-bottom: ${tokens.spacing};
  }

  .quality {
    margin: 0;
    display: flex;
    align-items: center;
    gap: ${tokens.spacingSmall};
  }

  .bars {
    display: inline-flex;
    align-items: flex-end;
    gap: 3px;
    height: 1.2em;
  }

  .bar {
    width: 6px;
    border: 1px solid ${tokens.colorBorder};
    border-radius: 2px;
  }

  /* Heights here, not in style attributes: a host page's CSP may forbid inline styles. */
  .bar:first-child {
    height: 33%;
  }

  .bar:nth-child(2) {
    height: 66%;
  }

  .bar:nth-child(3) {
    height: 99%;
  }

  .quality-good .bar.on {
    background: ${tokens.colorSuccess};
  }

  .quality-fair .bar.on {
    background: #8a5a00;
  }

  .quality-poor .bar.on {
    background: ${tokens.colorDanger};
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  .control {
    flex: 1 1 7em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 56px;
    padding: 0.25em 0.8em;
  }

  /* A switched-off microphone or camera: crossed out, and tinted so it shows at a glance. */
  .control.off {
    border-color: ${tokens.colorDanger};
    background: ${tokens.colorDangerSurface};
    color: ${tokens.colorDanger};
  }

  .control.leave {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }

  .control.end,
  button.danger {
    border-color: ${tokens.colorDanger};
    background: ${tokens.colorDanger};
    color: #ffffff;
  }

  .icon {
    width: 1.5em;
    height: 1.5em;
    flex: none;
    fill: currentColor;
  }

  /* The doctor's confirmation */
  .dialog {
    max-width: min(32em, calc(100vw - 2 * ${tokens.spacing}));
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.spacingSmall};
  }

  .dialog-actions button {
    flex: 1 1 12em;
  }
`;

/**
 * Narrow rooms (a phone, 200 % zoom, a sidebar): less padding, smaller headings, the preview a
 * third of the screen, so the check before joining fits one phone screen with its button in view.
 */
const narrowStyles = css`
  @container oz-video-room (width < 600px) {
    .room {
      padding: ${tokens.spacingSmall};
    }

    h2,
    h3 {
      font-size: max(20px, calc(${tokens.fontSize} * 1.1));
    }

    .intro {
      margin-bottom: ${tokens.spacingSmall};
    }

    .preview-frame {
      margin-bottom: ${tokens.spacingSmall};
    }

    .preview-frame video {
      width: auto;
      max-width: 100%;
      height: 28vh;
      height: 28dvh;
      margin-inline: auto;
    }

    .level,
    .devices {
      margin-bottom: ${tokens.spacingSmall};
    }

    .connection {
      margin: ${tokens.spacingSmall} 0;
      padding: ${tokens.spacingSmall};
    }

    .connection-result p {
      margin-bottom: 4px;
    }

    button {
      padding-inline: 0.5em;
    }

    /* «Войти в консультацию» stays in view while the person scrolls the check. */
    .join {
      position: sticky;
      bottom: 4px;
      box-shadow: 0 0 0 4px ${tokens.colorSurface};
    }
  }

  /* 200 % zoom of a phone: «консультацию» must fit a button whole. */
  @container oz-video-room (width < 300px) {
    .room {
      padding: 4px;
    }

    h2,
    h3 {
      font-size: max(18px, ${tokens.fontSize});
    }

    button {
      padding-inline: 4px;
      font-size: 16px;
    }
  }
`;

export const styles = [fieldStyles, dialogStyles, roomStyles, narrowStyles, overlayStyles];
