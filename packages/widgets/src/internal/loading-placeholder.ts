/**
 * «Загружаем…» inside an element whose code is still on its way. On a slow rural link an
 * element's chunk takes seconds; until then the host page showed an empty box under its heading.
 * The loader puts this line into the element's own shadow root (the host page's styles are never
 * touched); when the element is defined, Lit renders into the same root and `clearPlaceholder`
 * removes the line. Plain DOM on purpose: it runs before Lit has arrived.
 */
import { cssText } from './css-text.ts';
import { BELL_BOX } from '../elements/oz-notifications/bell-box.ts';

/** `bell`: the bell's word as its own strings have it (i18n/ru|en/notifications.ts), for the room's width. */
const WORDS = {
  ru: { loading: 'Загружаем…', failed: 'Не удалось загрузить. Проверьте интернет и обновите страницу.', bell: 'Уведомления' },
  en: { loading: 'Loading…', failed: 'Could not load. Check the internet connection and reload the page.', bell: 'Notifications' },
} as const;
const MARK = 'data-oz-placeholder';

/** Inherited page styles are reset here too (see styles/host.ts): old CMS themes set uppercase etc. */
const STYLE = cssText`
  :host { display: block; }
  p {
    margin: 0;
    padding: 8px 0;
    font: 400 max(16px, var(--oz-font-size, 18px)) / var(--oz-line-height, 1.5) var(--oz-font-family, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
    color: var(--oz-color-text-muted, #4a5563);
    text-transform: none;
    letter-spacing: normal;
    text-align: start;
  }
`;

/**
 * The bell's room: its button's box, border, icon and word as oz-notifications.styles.ts and
 * base.ts make them, unseen. The room is the bell's own markup, so once the element's styles
 * replace this sheet (its code is in, its first render may still wait for its signed-in part) they
 * size it just the same. A test holds this box to the rendered bell's.
 */
const BELL_ROOM_STYLE = cssText`
  :host { display: inline-block; max-width: 100%; }
  button {
    ${BELL_BOX}
    min-height: max(44px, var(--oz-control-height, 48px));
    margin: 0;
    border: 2px solid transparent;
    font: 600 max(16px, var(--oz-font-size, 18px)) / var(--oz-line-height, 1.5) var(--oz-font-family, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
    text-transform: none;
    letter-spacing: normal;
    visibility: hidden;
  }
  svg { flex: none; }
`;

/**
 * One sheet for every placeholder, adopted rather than a `<style>` element: a host page whose CSP
 * forbids inline styles (no 'unsafe-inline' in style-src) still applies it. Lit's styles replace it
 * when the element renders. Browsers without constructable sheets get the element.
 */
const sheets = new Map<string, CSSStyleSheet>();
function adoptStyle(root: ShadowRoot, text: string): boolean {
  if (!('adoptedStyleSheets' in root) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return false;
  let sheet = sheets.get(text);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    sheets.set(text, sheet);
  }
  root.adoptedStyleSheets = [sheet];
  return true;
}

/** The element's own shadow root with `style`, or nothing for a defined element or one that has a root already. */
function placeholderRoot(element: Element, style: string): ShadowRoot | undefined {
  if (customElements.get(element.localName) || !(element instanceof HTMLElement) || element.shadowRoot) return undefined;
  const root = element.attachShadow({ mode: 'open' });
  if (!adoptStyle(root, style)) {
    const sheet = document.createElement('style');
    sheet.setAttribute(MARK, '');
    sheet.textContent = style;
    root.append(sheet);
  }
  return root;
}

/**
 * Shows the loading line in an element not yet defined. Does nothing to a defined element or to
 * one that already has a shadow root.
 */
export function showLoadingPlaceholder(element: Element, lang: 'ru' | 'en'): void {
  const root = placeholderRoot(element, STYLE);
  if (!root) return;
  const line = document.createElement('p');
  line.setAttribute(MARK, '');
  line.setAttribute('part', 'loading');
  line.textContent = WORDS[lang].loading;
  root.append(line);
}

/**
 * Keeps the bell's room in the site's header while its code is on its way, with nothing to see: a
 * loading line there, on the site's colours, would not be read, and without the room the bell came
 * in late and pushed the whole page down by its height while people read it.
 */
export function keepBellRoom(element: Element, lang: 'ru' | 'en'): void {
  const root = placeholderRoot(element, BELL_ROOM_STYLE);
  if (!root) return;
  const room = document.createElement('button');
  room.type = 'button';
  room.className = 'bell bell-room';
  room.tabIndex = -1;
  room.setAttribute(MARK, '');
  room.setAttribute('aria-hidden', 'true');
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('class', 'bell-icon');
  icon.setAttribute('width', '28');
  icon.setAttribute('height', '28');
  const word = document.createElement('span');
  word.className = 'bell-word';
  word.textContent = WORDS[lang].bell;
  room.append(icon, word);
  root.append(room);
}

/** The element's code did not arrive (the chunk failed): say so instead of loading forever. */
export function showLoadFailure(element: Element, lang: 'ru' | 'en'): void {
  if (customElements.get(element.localName)) return;
  const line = element.shadowRoot?.querySelector(`p[${MARK}]`);
  if (!line) return;
  line.setAttribute('role', 'alert');
  line.textContent = WORDS[lang].failed;
}

/** Removes the loading line before the element renders into its shadow root. */
export function clearPlaceholder(root: ShadowRoot | null): void {
  root?.querySelectorAll(`[${MARK}]`).forEach((node) => node.remove());
}
