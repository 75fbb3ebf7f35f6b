import { css } from 'lit';

/**
 * «Версия для слабовидящих»: what the marks of internal/low-vision.ts on the host mean. Loaded only
 * when a page turns it on (the signed-out portal stays within its budget). A theme is one text colour
 * on one background (each pair ≥ 7:1, WCAG AAA, the bvi plugin's own), laid over every --oz-* colour
 * with `!important`: inside a shadow root that wins over a page's `oz-x { --oz-color-…: … }`, and
 * the reader's choice must win.
 */
export const lowVisionThemeStyles = css`
  :host([data-oz-lv-theme]) {
    background: var(--lv-bg);
    --oz-color-text: var(--lv-fg) !important;
    --oz-color-text-muted: var(--lv-fg) !important;
    --oz-color-border: var(--lv-fg) !important;
    --oz-color-primary: var(--lv-fg) !important;
    --oz-color-primary-hover: var(--lv-fg) !important;
    --oz-color-danger: var(--lv-fg) !important;
    --oz-color-success: var(--lv-fg) !important;
    --oz-color-focus: var(--lv-fg) !important;
    --oz-color-surface: var(--lv-bg) !important;
    --oz-color-surface-alt: var(--lv-bg) !important;
    --oz-color-on-primary: var(--lv-bg) !important;
    --oz-color-danger-surface: var(--lv-bg) !important;
    --oz-color-success-surface: var(--lv-bg) !important;
  }

  :host([data-oz-lv-theme='white']) {
    --lv-fg: #000;
    --lv-bg: #fff;
  }

  :host([data-oz-lv-theme='black']) {
    --lv-fg: #fff;
    --lv-bg: #000;
  }

  /* 7.8:1 */
  :host([data-oz-lv-theme='blue']) {
    --lv-fg: #063462;
    --lv-bg: #9dd1ff;
  }

  /* 7.8:1 */
  :host([data-oz-lv-theme='brown']) {
    --lv-fg: #4d4b43;
    --lv-bg: #f7f3d6;
  }

  /* 9.3:1 */
  :host([data-oz-lv-theme='green']) {
    --lv-fg: #a9e44d;
    --lv-bg: #3b2716;
  }

  /* The chosen size (tokens.ts keeps it ≥ 16px and headings larger); bvi's spacing (host.ts). */
  :host([data-oz-lv-fontsize]) {
    --oz-font-size: var(--oz-lv-size) !important;
  }

  /* At 28px and more, a button's words wrap within the line rather than push the page sideways. */
  :host([data-oz-lv-fontsize]) button {
    max-width: 100%;
  }

  :host([data-oz-lv-lineheight='average']) {
    --oz-line-height: 2 !important;
  }

  :host([data-oz-lv-lineheight='big']) {
    --oz-line-height: 2.5 !important;
  }

  /* Written as the minifier writes it: a custom property keeps its text (scripts/vite-minify-css.test.ts). */
  :host([data-oz-lv-letterspacing='average']) {
    --oz-lv-spacing: .1em;
  }

  :host([data-oz-lv-letterspacing='big']) {
    --oz-lv-spacing: .2em;
  }

  /* bvi's font choice: a plain sans-serif or a serif one, the fonts every computer has (in double
     quotes, as the minifier writes them: a custom property keeps its text). */
  :host([data-oz-lv-fontfamily='arial']) {
    --oz-font-family: Arial, "Liberation Sans", "Helvetica Neue", sans-serif !important;
  }

  :host([data-oz-lv-fontfamily='times']) {
    --oz-font-family: "Times New Roman", "Liberation Serif", Times, serif !important;
  }

  /* The site shows pictures in greys: ours too. */
  :host([data-oz-lv-images='grayscale']) :is(img, [part~='preview']) {
    filter: grayscale(1);
  }

  /* The site hides pictures: ours go too (the camera preview as well), their words stay (.img-alt). */
  :host([data-oz-lv-images='false']) :is(img, [part~='preview']) {
    display: none !important;
  }

  :host([data-oz-lv-images='false']) .img-alt {
    display: block !important;
  }

  /* One colour for everything: states are told by shape, never by colour or shade alone. */
  :host([data-oz-lv-theme]) :is(.form-error, .status):not(:empty) {
    border: 2px solid;
  }

  :host([data-oz-lv-theme]) [aria-invalid='true'] {
    border-width: 4px !important;
  }

  :host([data-oz-lv-theme]) * {
    box-shadow: none !important;
  }

  :host([data-oz-lv-theme]) :is(:disabled, [aria-disabled='true']) {
    opacity: 1 !important;
    border-style: dashed !important;
  }
`;
