import type { User } from '@oz/contracts';
import { session } from '../session/session.ts';

/**
 * The signed-in user as an element of `apiOrigin` sees them: nobody when the page session belongs
 * to another API, and nobody while a one-time password must still be replaced, unless the element
 * is the one that shows that form (the API refuses everything else until then).
 */
export function signedInUser(apiOrigin: string, usableBeforePasswordChange: boolean): User | null {
  const user = session.api === apiOrigin ? session.user : null;
  if (user?.mustChangePassword && !usableBeforePasswordChange) return null;
  return user;
}

/** True while the session of `apiOrigin` waits for its one-time password to be replaced. */
export function mustChangePassword(apiOrigin: string): boolean {
  return session.api === apiOrigin && session.user?.mustChangePassword === true;
}
