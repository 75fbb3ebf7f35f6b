/**
 * Reflow check (WCAG 1.4.10; issue 11 point 1): an element laid out in a column `width` CSS px wide
 * must show everything without sideways scrolling and without breaking words.
 *
 * `await expectReflows(el, { width: 180 })` sets the width of the element's parent (the fixture's
 * wrapper div; the element must not sit directly in <body>), waits for the element and every nested
 * Lit element to render and for layout, checks, then puts the parent's old width back. It walks the
 * element's light DOM and its shadow tree, recursively through nested shadow roots, and fails with
 * one line per problem:
 *
 * - `not full width`: the element itself must fill the column (a block that takes the width it is
 *   given; `container-type` on :host must not shrink it). Pass `fillsWidth: false` for an element
 *   that is meant to be small, such as the bell.
 * - `sticks out`: a rendered box, or a word of text, reaches past the element's left or right edge.
 * - `scrolls sideways` / `clips`: a box whose overflow is not `visible` has scrollWidth > clientWidth,
 *   i.e. content that is scrolled to or cut off. This includes phone, e-mail, number and password
 *   inputs whose whole value does not fit. A free-text input (type text or search) may scroll a
 *   value of several words as it is typed, like any one-line field on a phone, but each word of
 *   its value must fit (`word cut`).
 * - `value cut`: a date/time input or a select is narrower than the value it shows.
 * - `word broken`: a word of a text node lies on more than one line. Allowed only where the word was
 *   hyphenated (`hyphens: auto` in effect on its parent, with `lang` set: the shared narrow rules in
 *   styles/base.ts do it) or where it is data that may break anywhere: e-mail addresses, phone
 *   numbers, file names, links, long codes (see `mayBreakAnywhere`). The test Chromium on Linux has
 *   no Russian hyphenation dictionary, so there such a word breaks without the hyphen a phone draws;
 *   without `hyphens: auto` the same break fails. `overflow-wrap: anywhere` on ordinary text fails.
 *
 * Not checked: boxes with no size or hidden by `display`/`visibility`, visually-hidden text (clipped
 * to 1 px), open modal dialogs and popovers (the top layer is sized by the window, not the element),
 * fixed-position boxes, and subtrees matching `ignore` selectors (say why where you pass them).
 * Tolerance is 1 px for sub-pixel rounding.
 */
import { expect } from '@open-wc/testing';

export interface ReflowOptions {
  /** The width of the column the element gets, in CSS px (issue 11: 320 and 180). */
  width: number;
  /** The element must fill the column's width (default true). */
  fillsWidth?: boolean;
  /** Selectors (matched in any shadow root) whose subtrees are not checked. */
  ignore?: string[];
  /**
   * The box everything must stay inside (default: the element). The bell's panel hangs outside
   * the small bell: pass the header it sits in, sized to the window with setViewport.
   */
  within?: Element;
}

/** The widths every element is checked at: a small phone, and a 360-px phone at 200 % zoom. */
export const REFLOW_WIDTHS = [320, 180] as const;

const TOLERANCE = 1;

export async function expectReflows(element: HTMLElement, options: ReflowOptions): Promise<void> {
  const problems = await reflowProblems(element, options);
  expect(problems, `${element.localName} at ${options.width} px:\n  ${problems.join('\n  ')}\n`).to.deep.equal([]);
}

/** The same check, returning the problems instead of failing (for a test that expects some). */
export async function reflowProblems(element: HTMLElement, options: ReflowOptions): Promise<string[]> {
  const column = element.parentElement;
  if (!column || column === document.body) {
    throw new Error(`expectReflows: put ${element.localName} in a wrapper (a fixture) so its column can be sized`);
  }
  const oldWidth = column.style.width;
  const oldMaxWidth = column.style.maxWidth;
  column.style.width = `${options.width}px`;
  column.style.maxWidth = 'none';
  try {
    await settled(element);
    return collectProblems(element, options);
  } finally {
    column.style.width = oldWidth;
    column.style.maxWidth = oldMaxWidth;
  }
}

/** Waits for pending Lit renders anywhere in the tree (a width change can re-render) and layout. */
async function settled(root: HTMLElement): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    const pending = allElements(root)
      .map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
      .filter((p): p is Promise<unknown> => p instanceof Promise);
    await Promise.all(pending);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
  await document.fonts?.ready;
}

function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  const visit = (parent: Element | ShadowRoot) => {
    for (const child of Array.from(parent.children)) {
      out.push(child);
      visit(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  return out;
}

function collectProblems(host: HTMLElement, options: ReflowOptions): string[] {
  const problems: string[] = [];
  const hostBox = host.getBoundingClientRect();
  const bounds = (options.within ?? host).getBoundingClientRect();
  const left = bounds.left - TOLERANCE;
  const right = bounds.right + TOLERANCE;

  if (options.fillsWidth !== false && Math.abs(hostBox.width - options.width) > TOLERANCE) {
    problems.push(`not full width: ${host.localName} is ${round(hostBox.width)} px wide in a ${options.width}-px column`);
  }
  if (!options.within && host.scrollWidth > host.clientWidth + TOLERANCE) {
    problems.push(`scrolls sideways: ${host.localName} scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
  }

  const visitElement = (el: Element) => {
    if (skipped(el, options)) return;
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    if (style.display !== 'contents') {
      const box = el.getBoundingClientRect();
      if (el.getClientRects().length === 0) return;
      if (visuallyHidden(el, box, style)) return;
      if (style.visibility !== 'hidden' && box.width > 0 && box.height > 0 && (box.left < left || box.right > right)) {
        problems.push(`sticks out: ${describe(el)} spans ${round(box.left - bounds.left)}…${round(box.right - bounds.left)} px`);
      }
      if (el instanceof HTMLInputElement && FREE_TEXT_INPUTS.has(el.type)) {
        const cut = wordCut(el, style);
        if (cut) problems.push(cut);
      } else if (el instanceof HTMLElement && overflowMatters(el, style) && el.scrollWidth > el.clientWidth + TOLERANCE) {
        const verb = /hidden|clip/.test(style.overflowX) ? 'clips' : 'scrolls sideways';
        problems.push(`${verb}: ${describe(el)} scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}${valueOf(el)}`);
      }
      const cut = valueCut(el, style);
      if (cut) problems.push(cut);
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) visitText(node as Text, style);
      else if (node instanceof Element) visitElement(node);
    }
    if (el.shadowRoot) visitChildren(el.shadowRoot);
  };

  const visitChildren = (parent: ShadowRoot | Element) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node instanceof Element) visitElement(node);
    }
  };

  const visitText = (text: Text, parentStyle: CSSStyleDeclaration) => {
    if (parentStyle.visibility === 'hidden') return;
    for (const { word, index, data } of words(text.data)) {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + word.length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      const outside = rects.find((r) => r.left < left || r.right > right);
      if (outside) {
        problems.push(`sticks out: «${word}» in ${describe(text.parentElement!)} reaches ${round(outside.left - bounds.left)}…${round(outside.right - bounds.left)} px`);
        continue;
      }
      if (word.length < 2 || onOneLine(rects)) continue;
      if (data) continue;
      if (parentStyle.hyphens === 'auto' && /^[«("„]?\p{L}+[-.,:;!?»)"“]*$/u.test(word)) continue;
      problems.push(`word broken: «${word}» in ${describe(text.parentElement!)} lies on ${lineCount(rects)} lines`);
    }
  };

  visitChildren(host);
  if (host.shadowRoot) visitChildren(host.shadowRoot);
  // A long list would bury the first cause; the first twenty are enough to fix.
  return problems.length > 20 ? [...problems.slice(0, 20), `… and ${problems.length - 20} more`] : problems;
}

/**
 * A "word" is what a browser must not split: a run of non-space characters, cut after a hyphen,
 * dash or slash (browsers may break there, and so may we).
 */
const WORD = /[^\s\u00ad\-‐–—/]+[\-‐–—/]*|[\-‐–—/]+/gu;

/**
 * The words of a text with their offsets. A whitespace-separated token that is data (see
 * `mayBreakAnywhere`) stays whole and is marked `data`: it may wrap anywhere but must not stick out.
 */
function words(text: string): Array<{ word: string; index: number; data: boolean }> {
  const out: Array<{ word: string; index: number; data: boolean }> = [];
  for (const token of text.matchAll(/\S+/gu)) {
    if (mayBreakAnywhere(token[0])) {
      out.push({ word: token[0], index: token.index, data: true });
      continue;
    }
    for (const part of token[0].matchAll(WORD)) out.push({ word: part[0], index: token.index + part.index, data: false });
  }
  return out;
}

/** Data that has no word boundaries and may wrap anywhere: e-mail, phone, file name, link, code. */
export function mayBreakAnywhere(word: string): boolean {
  return (
    word.includes('@') ||
    /^[+\d()\s.\-–]{7,}$/.test(word) || // phone numbers and long numbers
    /^.+\.[\p{L}\d]{2,5}$/u.test(word.replace(/[),.;:»!?]+$/u, '')) || // file names: «анализ.pdf»
    /^[(«"]?[a-z]+:\/\//i.test(word) ||
    /[_\\]/.test(word) ||
    (/\d/.test(word) && /\p{L}/u.test(word) && word.length >= 12) // codes, ids
  );
}

function onOneLine(rects: DOMRect[]): boolean {
  const tops = rects.map((r) => r.top);
  const minHeight = Math.min(...rects.map((r) => r.height));
  return Math.max(...tops) - Math.min(...tops) < minHeight / 2;
}

function lineCount(rects: DOMRect[]): number {
  const minHeight = Math.min(...rects.map((r) => r.height));
  const lines: number[] = [];
  for (const r of rects) if (!lines.some((top) => Math.abs(top - r.top) < minHeight / 2)) lines.push(r.top);
  return lines.length;
}

function skipped(el: Element, options: ReflowOptions): boolean {
  if (el.localName === 'dialog' && (el as HTMLDialogElement).open && el.matches(':modal')) return true;
  if (el.matches(':popover-open')) return true;
  if (getComputedStyle(el).position === 'fixed') return true;
  return (options.ignore ?? []).some((selector) => el.matches(selector));
}

/** The `.visually-hidden` pattern: text for screen readers, clipped to a pixel. */
function visuallyHidden(el: Element, box: DOMRect, style: CSSStyleDeclaration): boolean {
  if (box.width <= 1 && box.height <= 1) return true;
  if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') return true;
  return el.classList.contains('visually-hidden') || el.classList.contains('sr-only');
}

/** Boxes that scroll or clip their content; `visible` overflow is caught by "sticks out" instead. */
function overflowMatters(el: HTMLElement, style: CSSStyleDeclaration): boolean {
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type);
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLSelectElement || el instanceof HTMLVideoElement || el instanceof HTMLCanvasElement) return false;
  if (el instanceof HTMLImageElement || el instanceof HTMLIFrameElement) return false;
  return style.overflowX !== 'visible';
}

const TEXT_INPUTS = new Set(['text', 'email', 'tel', 'password', 'search', 'url', 'number']);
const FREE_TEXT_INPUTS = new Set(['text', 'search']);

/** A free-text field: its widest word must fit inside its padding. */
function wordCut(input: HTMLInputElement, style: CSSStyleDeclaration): string | undefined {
  const content = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const widest = input.value.split(/\s+/).reduce((best, word) => (textWidth(word, style) > textWidth(best, style) ? word : best), '');
  const needed = textWidth(widest, style);
  if (needed > content + TOLERANCE) {
    return `word cut: ${describe(input)} is ${round(content)} px inside, «${widest}» of «${input.value}» needs ${round(needed)} px`;
  }
  return undefined;
}
const DATE_INPUTS = new Set(['date', 'time', 'datetime-local', 'month', 'week']);

/**
 * A date/time field or a select clips its value without any scroll width to see, so measure the
 * text it shows against its content box. A date field's value is shown in the locale's pattern
 * plus a picker icon; "00.00.0000" in the field's font with 2.5em for the icon is a fair floor.
 */
function valueCut(el: Element, style: CSSStyleDeclaration): string | undefined {
  let shown: string | undefined;
  let extra = 0;
  if (el instanceof HTMLInputElement && DATE_INPUTS.has(el.type)) {
    shown = el.type === 'time' ? '00:00' : el.type === 'datetime-local' ? '00.00.0000, 00:00' : '00.00.0000';
    extra = 2.5 * parseFloat(style.fontSize);
  } else if (el instanceof HTMLSelectElement && !el.multiple && el.size <= 1) {
    shown = el.selectedOptions[0]?.textContent?.trim();
    extra = 1.5 * parseFloat(style.fontSize);
  }
  if (!shown) return undefined;
  const content =
    (el as HTMLElement).clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const needed = textWidth(shown, style) + extra;
  if (needed > content + TOLERANCE) {
    return `value cut: ${describe(el)} is ${round(content)} px inside, «${shown}» needs ${round(needed)} px`;
  }
  return undefined;
}

let canvas: CanvasRenderingContext2D | null = null;
function textWidth(text: string, style: CSSStyleDeclaration): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return 0;
  canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return canvas.measureText(text).width;
}

function valueOf(el: HTMLElement): string {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? ` (value «${el.value}»)` : '';
}

/** `<oz-chat> › section.messages[part=list]`: enough to find the box in the template. */
function describe(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth += 1) {
    let name = node.localName;
    if (node.id) name += `#${node.id}`;
    const classes = Array.from(node.classList).slice(0, 2);
    if (classes.length) name += `.${classes.join('.')}`;
    const part = node.getAttribute('part');
    if (part) name += `[part=${part}]`;
    parts.unshift(name);
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
    if (node && node.localName.startsWith('oz-')) {
      parts.unshift(`<${node.localName}>`);
      break;
    }
  }
  return parts.join(' › ');
}

function round(n: number): number {
  return Math.round(n);
}
