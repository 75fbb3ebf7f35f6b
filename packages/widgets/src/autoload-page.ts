/**
 * Each element's code loaded when its tag appears on the page, with what it will ask for at once
 * (the centers, its English strings, its part for a signed-in person or for nobody signed in)
 * fetched alongside. Started by the script-tag bundle (oz.ts) and by the npm package's loader
 * (entries/loader.ts).
 */
import { autoloadElements } from './internal/autoloader.ts';
import { ELEMENT_LOADERS, ENGLISH_LOADERS, SIGNED_IN_LOADERS, SIGNED_OUT_LOADERS } from './element-loaders.ts';
import { toLang } from './i18n/lang.ts';
import { pageConfig } from './internal/page-config.ts';
import { lowVisionWanted } from './internal/low-vision-wanted.ts';
import { keepBellRoom, showLoadFailure, showLoadingPlaceholder } from './internal/loading-placeholder.ts';
import { toApiOrigin } from './internal/api-origin.ts';
import { centersOf } from './api/centers-cache.ts';
import { sessionClient } from './session/session-client.ts';
import { session } from './session/session.ts';

/** The language an element will speak, as OzElement decides it. */
const langOf = (element: Element) => toLang(element.getAttribute('lang')) ?? pageConfig.lang ?? 'ru';
/** Elements that show the centers catalog: always, or to a signed-in person. */
const SHOW_CENTERS = new Set(['oz-apply', 'oz-duty-schedule']);
const SHOW_CENTERS_SIGNED_IN = new Set(['oz-consultations', 'oz-doctor-desk', 'oz-referral-import']);

/**
 * Asks for the catalog while the element's code is on its way, not after: on a 400 ms link that
 * is a round trip less before the element can be used. The element then finds it in the page's cache.
 */
function prefetchCenters(element: Element): Promise<unknown> | undefined {
  const wanted = SHOW_CENTERS.has(element.localName) || (SHOW_CENTERS_SIGNED_IN.has(element.localName) && session.status !== 'signed-out');
  if (!wanted) return undefined;
  const origin = toApiOrigin(element.getAttribute('api')) ?? pageConfig.apiOrigin;
  return centersOf(sessionClient(origin)).catch(() => {}); // the element asks again and shows the error
}

/** English strings alongside the code of an element that speaks English (a failure: the element asks again). */
function prefetchEnglish(element: Element): (Promise<unknown> | undefined)[] {
  if (langOf(element) !== 'en') return [];
  return ['shared', element.localName].map((name) => ENGLISH_LOADERS[name]?.().catch(() => {}));
}

/**
 * The part of an element for who the page says is there, alongside its code: a signed-in person's
 * when it has a stored session, else the one for nobody signed in (a failure: the element asks again).
 */
function prefetchPart(element: Element): Promise<unknown> | undefined {
  const parts = session.status === 'signed-out' ? SIGNED_OUT_LOADERS : SIGNED_IN_LOADERS;
  return parts[element.localName]?.().catch(() => {});
}

/** The low-vision code with the element's when the page is in that mode as it loads: its first render has the theme. */
function prefetchLowVision(element: Element): Promise<unknown> | undefined {
  return lowVisionWanted(element) ? import('./internal/low-vision-marks.ts').catch(() => {}) : undefined;
}

/** Watches the page for `oz-…` tags and loads each element's code when its tag appears. */
export function autoloadPageElements(): void {
  autoloadElements(ELEMENT_LOADERS, {
    alongside: (element) =>
      Promise.all([prefetchCenters(element), prefetchPart(element), prefetchLowVision(element), ...prefetchEnglish(element)]),
    whileLoading: (element) => {
      if (element.localName === 'oz-notifications') keepBellRoom(element, langOf(element));
      else showLoadingPlaceholder(element, langOf(element));
    },
    failedToLoad: (element) => showLoadFailure(element, langOf(element)),
  });
}
