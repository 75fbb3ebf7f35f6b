// The page's one session between tests: each test starts signed out, on the test API, in Russian.
// Not through index.ts, so tests that use these do not depend on the other elements it registers.
import type { AuthResponse } from '@oz/contracts';
import { pageConfig } from '../src/internal/page-config.ts';
import { session } from '../src/session/session.ts';
import { testApi } from './api.ts';

/** Signs the page out and forgets any stored session, once a restore still running has settled. */
export async function forgetSession(): Promise<void> {
  await session.ready;
  session.clear();
  localStorage.clear();
}

/** Points every element at the test API in Russian and forgets any session. */
export async function useTestApi(): Promise<void> {
  pageConfig.configure({ api: testApi, lang: 'ru' });
  await session.use(testApi);
  await forgetSession();
}

/** Signs the page in as this user, as <oz-register> would after a sign-in. */
export function signInPage(auth: AuthResponse): void {
  session.adopt(auth, testApi);
}
