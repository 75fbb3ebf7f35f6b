import { pageConfig } from './page-config.ts';

/**
 * Whether the configuration, the element or the page (the bvi plugin's marks, our attribute) asks
 * for the version for the visually impaired. Small, for the loader too: it fetches the low-vision
 * code with an element's own when the page is already in that mode (autoload-page.ts).
 */
export function lowVisionWanted(element: Element): boolean {
  return Boolean(pageConfig.lowVision) || element.hasAttribute('low-vision') || document.querySelector('[low-vision],[data-bvi-theme]') !== null;
}
