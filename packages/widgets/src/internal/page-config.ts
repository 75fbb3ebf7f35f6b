import { toLang, type Lang } from '../i18n/lang.ts';
import { toApiOrigin } from './api-origin.ts';
import { pageSingleton } from './page-singleton.ts';
import type { LowVisionOptions } from './low-vision.ts';

export interface ConfigureOptions {
  /** API origin for every element that has no `api` attribute. */
  api?: string;
  /** Interface language for every element that has no `lang` attribute: 'ru' (default) or 'en'. */
  lang?: Lang;
  /**
   * The site's own «Версия для слабовидящих» switch: `{ theme, fontSize?, images? }` for every
   * element without a `low-vision` attribute (over the bvi plugin's marks); null turns it off again.
   */
  lowVision?: LowVisionOptions | null;
}

/**
 * Page-wide settings shared by all copies of the bundle. Fires `change` so elements re-render
 * when a page calls `configure()` after they were created.
 */
export class PageConfig extends EventTarget {
  /** Set by configure(). */
  api: string | undefined;
  lang: Lang | undefined;
  lowVision: LowVisionOptions | null | undefined;
  /** From the script tag, filled by the first copy of the bundle that loads. */
  detectedApi: string | undefined;

  /** The API origin elements use unless they name their own. */
  get apiOrigin(): string {
    return this.api ?? this.detectedApi ?? location.origin;
  }

  configure(options: ConfigureOptions): void {
    if (options.api !== undefined) {
      const api = toApiOrigin(options.api);
      if (!api) throw new TypeError(`OZ.configure: "${options.api}" is not an API address`);
      this.api = api;
    }
    if (options.lang !== undefined) {
      const lang = toLang(options.lang);
      if (!lang) throw new TypeError(`OZ.configure: lang must be "ru" or "en", not "${options.lang}"`);
      this.lang = lang;
    }
    if (options.lowVision !== undefined) this.lowVision = options.lowVision;
    this.dispatchEvent(new Event('change'));
  }
}

export const pageConfig = pageSingleton('config@1', () => new PageConfig());
