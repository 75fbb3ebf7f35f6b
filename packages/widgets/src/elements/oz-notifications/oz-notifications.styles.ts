import { css, unsafeCSS } from 'lit';
import { BELL_BOX } from './bell-box.ts';
import { focusHeadingStyles } from '../../styles/headings.ts';
import { loadMoreStyles } from '../../styles/load-more.ts';
import { tokens } from '../../styles/tokens.ts';

const notificationsStyles = css`
  /* A bell in a header takes its content's width: no inline-size containment (see host.ts). */
  :host {
    display: inline-block;
    position: relative;
    container-type: normal;
    max-width: 100%;
  }

  .oz-base {
    padding: 0;
    background: transparent;
    max-width: none;
  }

  .bell {
    ${unsafeCSS(BELL_BOX)}
  }

  .bell-icon {
    flex: none;
  }

  /* Where the bell will be while the session is checked (also the loader's keepBellRoom). */
  .bell-room {
    visibility: hidden;
  }

  .badge {
    display: inline-block;
    min-width: 1.6em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: ${tokens.colorDanger};
    color: #fff;
    font-weight: 700;
    text-align: center;
    line-height: 1.6;
  }

  /* The panel has its own width, so it can be the container the shared narrow rules ask (base.ts). */
  .panel {
    container-type: inline-size;
    position: absolute;
    top: calc(100% + 4px);
    right: 0;
    z-index: var(--oz-notifications-z-index, 1000);
    width: min(24em, calc(100vw - 16px));
    max-height: min(36em, 75vh);
    overflow-y: auto;
    padding: ${tokens.spacing};
    background: ${tokens.colorSurface};
    border: 2px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.2);
  }

  .panel[hidden] {
    display: none;
  }

  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${tokens.spacingSmall};
    margin-bottom: ${tokens.spacingSmall};
  }

  .panel-head h2 {
    margin: 0;
    font-size: ${tokens.fontSize};
  }

  .mark-all {
    width: 100%;
    margin-bottom: ${tokens.spacingSmall};
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .item {
    padding: ${tokens.spacingSmall};
    border-bottom: 1px solid ${tokens.colorBorder};
  }

  .item:last-child {
    border-bottom: 0;
  }

  .item.unread {
    background: ${tokens.colorSurfaceAlt};
    border-inline-start: 4px solid ${tokens.colorPrimary};
    cursor: pointer;
  }

  .item p {
    margin: 0 0 4px;
  }

  .unread-mark {
    color: ${tokens.colorPrimary};
  }

  .date,
  .muted,
  .loading {
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
  }

  .item button {
    margin-top: 4px;
  }

  .error:not(:empty) {
    color: ${tokens.colorDanger};
    font-weight: 600;
    margin-bottom: ${tokens.spacingSmall};
  }

  .sign-in-prompt {
    margin: 0;
    color: ${tokens.colorTextMuted};
  }

  /* The panel is sized by the screen (it hangs over the page), so the screen decides here: on a
     phone at 200 % zoom its frame gives the words the room, and «Закрыть» goes under the title. */
  @media (max-width: 400px) {
    /* The count stays beside the icon; the word, when it goes to a row of its own, goes last. */
    .bell-word {
      order: 1;
    }

    .panel {
      padding: ${tokens.spacingSmall};
    }

    .panel-head .close {
      flex: 1 1 auto;
      height: auto;
      padding: 0.3em 0.5em;
    }

    .item {
      padding: 4px;
    }
  }
`;

/** A bell that sits in a page header; its panel hangs below it and fits a 360px phone. */
export const styles = [focusHeadingStyles, loadMoreStyles, notificationsStyles];
