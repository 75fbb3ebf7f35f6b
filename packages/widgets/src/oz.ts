/**
 * The script-tag bundle, `widgets/oz.js`: the page API at once, each element's code only when
 * its tag is on the page (a portal page never downloads the doctor's desk).
 */
import { autoloadPageElements } from './autoload-page.ts';
import { startPage } from './page-api.ts';

export type { ConfigureOptions } from './internal/page-config.ts';
export type { OzSession, SessionStatus, SessionChangeEvent } from './session/session.ts';
export type { Lang } from './i18n/lang.ts';
export type * from './events/index.ts';
export type { OzGlobal } from './page-api.ts';
export { ApiError, NetworkError } from './api/errors.ts';
export { configure, session } from './page-api.ts';

startPage(import.meta.url);

/**
 * The address the elements' chunks import this module back by ("./oz.js"). A page that loaded it
 * under another one ("oz.js?ver=5.2", as CMSs write script addresses) would otherwise run two
 * loaders: this copy only takes its script tag's settings (above) and hands over to that one.
 * Both copies share the session and the configuration (page singletons).
 */
const plainAddress = new URL(import.meta.url);
plainAddress.search = plainAddress.hash = '';
if (plainAddress.href !== import.meta.url) {
  void import(/* @vite-ignore */ plainAddress.href);
} else {
  autoloadPageElements();
}
