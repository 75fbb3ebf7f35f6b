/**
 * «Загружаем…» inside an element whose code is still on its way. On a slow rural link an
 * element's chunk takes seconds; until then the host page showed an empty box under its heading.
 * The loader puts this line into the element's own shadow root (the host page's styles are never
 * touched); when the element is defined, Lit renders into the same root and `clearPlaceholder`
 * removes the line. Plain DOM on purpose: it runs before Lit has arrived.
 */

const WORDS = {
  ru: { loading: 'Загружаем…', failed: 'Не удалось загрузить. Проверьте интернет и обновите страницу.' },
  en: { loading: 'Loading…', failed: 'Could not load. Check the internet connection and reload the page.' },
} as const;
const MARK = 'data-oz-placeholder';

/** Inherited page styles are reset here too (see styles/host.ts): old CMS themes set uppercase etc. */
const STYLE = `
  :host { display: block; }
  p {
    margin: 0;
    padding: 8px 0;
    font: 400 max(16px, var(--oz-font-size, 18px)) / var(--oz-line-height, 1.5)
      var(--oz-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    color: var(--oz-color-text-muted, #4a5563);
    text-transform: none;
    letter-spacing: normal;
    text-align: start;
  }
`;

/**
 * One sheet for every placeholder, adopted rather than a `<style>` element: a host page whose CSP
 * forbids inline styles (no 'unsafe-inline' in style-src) still applies it. Lit's styles replace it
 * when the element renders. Browsers without constructable sheets get the element.
 */
let sheet: CSSStyleSheet | undefined;
function adoptStyle(root: ShadowRoot): boolean {
  if (!('adoptedStyleSheets' in root) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return false;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  root.adoptedStyleSheets = [sheet];
  return true;
}

/**
 * Shows the loading line in an element not yet defined. Does nothing to a defined element or to
 * one that already has a shadow root.
 */
export function showLoadingPlaceholder(element: Element, lang: 'ru' | 'en'): void {
  if (customElements.get(element.localName) || !(element instanceof HTMLElement) || element.shadowRoot) return;
  const root = element.attachShadow({ mode: 'open' });
  if (!adoptStyle(root)) {
    const style = document.createElement('style');
    style.setAttribute(MARK, '');
    style.textContent = STYLE;
    root.append(style);
  }
  const line = document.createElement('p');
  line.setAttribute(MARK, '');
  line.setAttribute('part', 'loading');
  line.textContent = WORDS[lang].loading;
  root.append(line);
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
