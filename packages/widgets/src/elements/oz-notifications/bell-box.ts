/**
 * The bell button's box: in a header narrower than the icon and the word (a phone at 200 % zoom),
 * the word goes under the icon, whole, rather than past the screen's edge. The bell's styles and
 * the loader's room for it (internal/loading-placeholder.ts), which must take the same space, both
 * use it. Plain text: the loader runs before Lit has arrived.
 */
export const BELL_BOX = 'display:inline-flex;flex-wrap:wrap;justify-content:center;align-items:center;gap:0 .4em;max-width:100%;padding:0 .6em;';
