import { RerenderOnChange } from '../controllers/rerender-on-change.ts';
import { pageConfig } from './page-config.ts';
import { pageSingleton } from './page-singleton.ts';
import { lowVisionWanted } from './low-vision-wanted.ts';
import type { OzElement } from './oz-element.ts';

/** The themes of the «Версия для слабовидящих» switch (the bvi plugin's names); styles/low-vision-theme.ts colours them. */
export type LowVisionTheme = 'white' | 'black' | 'blue' | 'brown' | 'green';

export interface LowVisionOptions {
  theme: LowVisionTheme;
  /** Text size in px (never below 16); headings are larger. Without it the usual size. */
  fontSize?: number;
  /** false hides pictures and camera previews, their words left in place (bvi's data-bvi-images="false"; "grayscale" greys them). */
  images?: boolean;
}

/**
 * One observer for the page: the bvi script marks its container (usually <body>) after our elements
 * have rendered, and its `*` rules cannot reach into shadow roots. Fires `change` for every element.
 */
export const lowVisionMarks = pageSingleton('low-vision@1', () => {
  const changes = new EventTarget();
  new MutationObserver(() => changes.dispatchEvent(new Event('change'))).observe(document.documentElement, {
    // The bvi marks low-vision-marks.ts takes over, and our own attribute on an enclosing element.
    attributeFilter: ['low-vision', 'low-vision-size', ...['theme', 'fontsize', 'images', 'lineheight', 'letterspacing', 'fontfamily', 'font'].map((name) => `data-bvi-${name}`)],
    subtree: true,
  });
  return changes;
});

/** Marks a host (low-vision-marks.ts), once that code is here. */
let markHost: typeof import('./low-vision-marks.ts').markLowVision | undefined;
let loading: Promise<void> | undefined;
/** The code did not come (a bad link): renders stop waiting for it; the next update asks again. */
let failed = false;

function loadMarks(): Promise<void> {
  loading ??= import('./low-vision-marks.ts').then(
    (module) => {
      markHost = module.markLowVision;
      failed = false;
      lowVisionMarks.dispatchEvent(new Event('change'));
    },
    () => {
      failed = true;
      loading = undefined;
    },
  );
  return loading;
}

/**
 * Makes the host follow the page's version for the visually impaired, live. The code that marks
 * the host and the styles that read the marks load only once a page turns it on: most pages never
 * do, and the signed-out portal has a few hundred bytes to spare. A page that is in that mode when
 * the element first renders waits for them (the loader fetches them with the element's code), so a
 * reader never sees the usual colours flash first.
 */
export function followLowVision(host: OzElement): void {
  new RerenderOnChange(host, lowVisionMarks);
  host.waitBeforeRender(() => (markHost || failed || !lowVisionWanted(host) ? undefined : loadMarks()));
  host.addController({
    hostUpdate() {
      if (markHost) return markHost(host, pageConfig.lowVision);
      // The render's wait above fetched it when wanted; after a lost chunk, each update asks again.
      if (failed && lowVisionWanted(host)) void loadMarks();
    },
  });
}
