import { css } from 'lit';
import { tokens } from './tokens.ts';

/** Controls every element shares: big touch targets, a focus ring you can see, readable text. */
/** Text for screen readers only, clipped to a pixel: for a class of its own where `.visually-hidden` cannot be set. */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

export const baseStyles = css`
  .oz-base {
    background: ${tokens.colorSurface};
    border-radius: ${tokens.radius};
    padding: ${tokens.spacing};
    max-width: 36em;
    /* A word longer than the whole line breaks rather than pushing the page sideways; every
       other word wraps whole. Never "anywhere" on text: it lets a squeezed column break every word. */
    overflow-wrap: break-word;
  }

  h2,
  h3 {
    font-size: ${tokens.fontSizeHeading};
    line-height: 1.25;
    font-weight: 700;
    margin: 0 0 ${tokens.spacingSmall};
  }

  p {
    margin: 0 0 ${tokens.spacing};
  }

  a {
    color: ${tokens.colorPrimary};
    text-decoration: underline;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
  }

  button {
    min-height: ${tokens.controlHeight};
    min-width: ${tokens.controlHeight};
    padding: 0 1.2em;
    border-radius: ${tokens.radius};
    border: 2px solid ${tokens.colorPrimary};
    background: ${tokens.colorSurface};
    color: ${tokens.colorPrimary};
    font-weight: 600;
    cursor: pointer;
  }

  button.primary {
    background: ${tokens.colorPrimary};
    color: ${tokens.colorOnPrimary};
  }

  button.primary:hover:not(:disabled) {
    background: ${tokens.colorPrimaryHover};
    border-color: ${tokens.colorPrimaryHover};
  }

  /* Busy: disabled, or aria-disabled where a disabled button would drop the keyboard focus. */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: ${tokens.controlHeight};
    padding: 0.4em 0.6em;
    border: 2px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
  }

  input[type='checkbox'] {
    width: 28px;
    height: 28px;
    flex: none;
    accent-color: ${tokens.colorPrimary};
  }

  input[aria-invalid='true'] {
    border-color: ${tokens.colorDanger};
  }

  :focus-visible {
    outline: 3px solid ${tokens.colorFocus};
    outline-offset: 2px;
  }

  .visually-hidden {
    ${visuallyHidden}
  }

  /* Message boxes: an error (role=alert) and a confirmation (role=status); empty ones take no room. */
  .form-error:not(:empty),
  .status:not(:empty) {
    padding: ${tokens.spacingSmall} ${tokens.spacing};
    border-radius: ${tokens.radius};
    margin-bottom: ${tokens.spacing};
    font-weight: 600;
  }

  .form-error:not(:empty) {
    color: ${tokens.colorDanger};
    background: ${tokens.colorDangerSurface};
  }

  .status:not(:empty) {
    color: ${tokens.colorSuccess};
    background: ${tokens.colorSuccessSurface};
  }

  /*
   * Reflow (WCAG 1.4.10): the element's own width decides, via the :host container (host.ts).
   * A phone or a sidebar: the element's own padding goes first, the page already has its margins.
   */
  @container (max-width: 420px) {
    .oz-base {
      padding: ${tokens.spacingSmall} 0;
      border-radius: 0;
    }
  }

  /* A 360-px phone at 200 % zoom (180 CSS px): long words hyphenate in the element's lang (set on
     .oz-base), headings shrink to the text's size (still bold), and every button takes the full
     width so its words wrap whole instead of standing letter by letter in a narrow column. */
  @container (max-width: 260px) {
    .oz-base,
    .oz-base * {
      hyphens: auto;
    }

    h2,
    h3 {
      font-size: ${tokens.fontSize};
    }

    button {
      width: 100%;
      height: auto;
      padding: 0.3em;
      font-size: ${tokens.fontSizeSmall};
      line-height: 1.3;
    }

    /* A phone number or a date needs every pixel of a 180-px field. */
    input:not([type='checkbox']):not([type='radio']),
    select,
    textarea {
      padding-inline: 4px;
    }

    /* A closed select cannot wrap its value: the smallest readable size shows the most of it. */
    select {
      font-size: 16px;
    }
  }
`;
