import { OzRegister } from './elements/oz-register/oz-register.ts';
import { detectScriptApiOrigin } from './internal/api-origin.ts';
import { pageConfig, type ConfigureOptions } from './internal/page-config.ts';
import { session } from './session/session.ts';

export type { ConfigureOptions } from './internal/page-config.ts';
export type { OzSession, SessionStatus, SessionChangeEvent } from './session/session.ts';
export type { Lang } from './i18n/index.ts';
export type * from './events/index.ts';
export { ApiError, NetworkError } from './api/errors.ts';
export { OzRegister, session };

/** Sets the API origin and the language for every element that does not set its own. */
export function configure(options: ConfigureOptions): void {
  pageConfig.configure(options);
  void session.use(pageConfig.apiOrigin);
}

// The first copy of the bundle on the page decides the default API (its script tag's data-api).
pageConfig.detectedApi ??= detectScriptApiOrigin(import.meta.url);
void session.use(pageConfig.apiOrigin);

OzRegister.define('oz-register');

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

// A second copy of the bundle keeps the first one's object: both drive the same shared state.
window.OZ ??= { configure, session };
