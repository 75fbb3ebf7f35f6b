import type { User } from '@oz/contracts';

/** The user set a new password (including the forced change after a one-time password from SMS). */
export type OzPasswordChangedEvent = CustomEvent<{ user: User }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-password-changed': OzPasswordChangedEvent;
  }
}
