import type { User } from '@oz/contracts';

/** The user signed in or registered through an element (not fired when a session is restored). */
export type OzSignedInEvent = CustomEvent<{ user: User }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-signed-in': OzSignedInEvent;
  }
}
