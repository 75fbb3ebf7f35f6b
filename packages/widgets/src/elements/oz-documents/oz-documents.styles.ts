import { css } from 'lit';
import { tokens } from '../../styles/tokens.ts';

/** The list of documents: one card per document, file names wrapped rather than cut off. */
export const styles = css`
  .list-section {
    margin-top: ${tokens.spacing};
  }

  .documents {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* A track no wider than the element: a long file name wraps instead of widening the list. */
    grid-template-columns: minmax(0, 1fr);
    gap: ${tokens.spacingSmall};
  }

  .document {
    padding: ${tokens.spacing};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  .document-kind {
    font-size: ${tokens.fontSize};
    font-weight: 700;
    margin: 0 0 4px;
  }

  .file-name {
    margin: 0 0 4px;
    overflow-wrap: anywhere;
  }

  .meta {
    margin: 0 0 ${tokens.spacingSmall};
    color: ${tokens.colorTextMuted};
    font-size: ${tokens.fontSizeSmall};
  }

  .in-use {
    margin: 0 0 ${tokens.spacingSmall};
    padding: 4px ${tokens.spacingSmall};
    border-left: 4px solid ${tokens.colorPrimary};
    background: ${tokens.colorSurfaceAlt};
    font-size: ${tokens.fontSizeSmall};
  }

  .empty,
  .loading,
  .hint {
    color: ${tokens.colorTextMuted};
  }

  /* «Кто смотрел мои документы»: apart from the list, one entry per line, its time first. */
  .who-looked {
    margin-top: calc(${tokens.spacing} * 2);
    padding-top: ${tokens.spacing};
    border-top: 1px solid ${tokens.colorBorder};
  }

  .who-looked-button {
    margin-bottom: ${tokens.spacingSmall};
  }

  .who-looked-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .who-looked-entry {
    padding: ${tokens.spacingSmall} 0;
    border-bottom: 1px solid ${tokens.colorBorder};
    overflow-wrap: anywhere;
  }

  .who-looked-entry .when {
    display: block;
    font-weight: 700;
  }

  /* 200 % zoom on a phone: the card's side frames and most of its padding give the words room;
     the lines above and below still mark each document. */
  @container (max-width: 260px) {
    .document {
      padding: ${tokens.spacingSmall} 4px;
      border-inline-width: 0;
      border-radius: 0;
    }
  }
`;
