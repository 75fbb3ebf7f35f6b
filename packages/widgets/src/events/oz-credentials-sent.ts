import type { CredentialsResendResult } from '@oz/contracts';

/**
 * The manager sent an imported patient a new one-time password by SMS in <oz-referral-import>;
 * the old one stopped working. `phone` is normalised (+7XXXXXXXXXX), `expiresAt` the ISO time the
 * new password stops working.
 */
export type OzCredentialsSentEvent = CustomEvent<Pick<CredentialsResendResult, 'phone' | 'expiresAt'>>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-credentials-sent': OzCredentialsSentEvent;
  }
}
