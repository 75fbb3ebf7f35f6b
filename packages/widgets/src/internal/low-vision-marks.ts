import { adoptStyles, type ReactiveElement } from 'lit';
import { lowVisionThemeStyles } from '../styles/low-vision-theme.ts';
import type { LowVisionOptions } from './low-vision.ts';

const THEMES = /^(white|black|blue|brown|green)$/;
/** The bvi plugin's marks on its container (low-vision.ts watches them), taken over as `data-oz-lv-<name>`. */
const SETTINGS = ['theme', 'fontsize', 'images', 'lineheight', 'letterspacing', 'fontfamily'];

/** A bvi mark: the font choice was `data-bvi-font` before the plugin named it `data-bvi-fontfamily`. */
function bviMark(marked: Element | undefined, name: string): string | null | undefined {
  return marked?.getAttribute(`data-bvi-${name}`) ?? (name === 'fontfamily' ? marked?.getAttribute('data-bvi-font') : undefined);
}

/**
 * The settings in SETTINGS order: the element's own or an enclosing element's
 * `low-vision` attribute, else `configured` (configure({ lowVision })), else the nearest bvi marks, looked for up
 * through shadow roots (an element inside another one's shadow root follows it).
 */
export function lowVisionSettings(host: Element, configured: LowVisionOptions | null | undefined): unknown[] {
  let marked: Element | undefined;
  for (let node: Node | undefined = host; node; node = node.parentNode ?? (node as ShadowRoot).host) {
    const element = node as Element;
    if (element.hasAttribute?.('low-vision')) return [element.getAttribute('low-vision') || 'white', element.getAttribute('low-vision-size')];
    marked ??= element.hasAttribute?.('data-bvi-theme') ? element : undefined;
  }
  if (configured) return [configured.theme, configured.fontSize, configured.images == false && 'false'];
  return SETTINGS.map((name) => bviMark(marked, name));
}

/** Shadow roots that carry the theme rules already. */
const themed = new WeakSet<ReactiveElement>();

/**
 * Marks the host with `data-oz-lv-theme="<theme>"` and the other `data-oz-lv-<setting>`s, and the
 * size as `--oz-lv-size`, which styles/low-vision-theme.ts turns into colours, sizes and spacing.
 */
export function markLowVision(host: ReactiveElement, configured: LowVisionOptions | null | undefined): void {
  const settings = lowVisionSettings(host, configured);
  const on = THEMES.test(settings[0] as string);
  SETTINGS.forEach((name, i) => {
    const value = on && settings[i];
    if (value) host.setAttribute(`data-oz-lv-${name}`, `${value}`);
    else host.removeAttribute(`data-oz-lv-${name}`);
  });
  host.style.setProperty('--oz-lv-size', on ? `${settings[1]}px` : '');
  if (!on || themed.has(host) || !host.renderRoot) return;
  themed.add(host);
  adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof ReactiveElement).elementStyles, lowVisionThemeStyles]);
}
