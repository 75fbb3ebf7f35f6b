/**
 * The script-tag bundle, `widgets/oz.js`: the page API at once, each element's code only when
 * its tag is on the page (a portal page never downloads the doctor's desk).
 */
import { autoloadElements } from './internal/autoloader.ts';
import { ELEMENT_LOADERS } from './element-loaders.ts';
import { startPage } from './page-api.ts';
import { toLang } from './i18n/index.ts';
import { pageConfig } from './internal/page-config.ts';
import { showLoadFailure, showLoadingPlaceholder } from './internal/loading-placeholder.ts';

export type { ConfigureOptions } from './internal/page-config.ts';
export type { OzSession, SessionStatus, SessionChangeEvent } from './session/session.ts';
export type { Lang } from './i18n/index.ts';
export type * from './events/index.ts';
export type { OzGlobal } from './page-api.ts';
export { ApiError, NetworkError } from './api/errors.ts';
export { configure, session } from './page-api.ts';

startPage(import.meta.url);
/** The language an element will speak, as OzElement decides it. */
const langOf = (element: Element) => toLang(element.getAttribute('lang')) ?? pageConfig.lang ?? 'ru';
autoloadElements(ELEMENT_LOADERS, {
  // The bell sits in the site's header, on the site's colours: a line of text there would not be read.
  whileLoading: (element) => element.localName === 'oz-notifications' || showLoadingPlaceholder(element, langOf(element)),
  failedToLoad: (element) => showLoadFailure(element, langOf(element)),
});
