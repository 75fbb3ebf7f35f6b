import { detectScriptApiOrigin } from './internal/api-origin.ts';
import { pageConfig, type ConfigureOptions } from './internal/page-config.ts';
import { session } from './session/session.ts';

export { session };

/** Sets the API origin and the language for every element that does not set its own. */
export function configure(options: ConfigureOptions): void {
  pageConfig.configure(options);
  void session.use(pageConfig.apiOrigin);
}

/** For pages without modules: `OZ.configure({...})`, `OZ.session.setToken(token)`. */
export interface OzGlobal {
  configure: typeof configure;
  session: typeof session;
}

declare global {
  interface Window {
    OZ?: OzGlobal;
  }
}

/**
 * Page-wide start: the first copy of the bundle decides the default API (its script tag's
 * data-api); a second copy keeps the first one's objects, so both drive the same shared state.
 */
export function startPage(moduleUrl: string): void {
  pageConfig.detectedApi ??= detectScriptApiOrigin(moduleUrl);
  void session.use(pageConfig.apiOrigin);
  window.OZ ??= { configure, session };
}
