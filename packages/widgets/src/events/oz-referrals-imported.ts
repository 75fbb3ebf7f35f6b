import type { ReferralImportReport } from '@oz/contracts';

/**
 * The manager confirmed an import in <oz-referral-import> and the API wrote it: new patients
 * were created and sent their SMS. `report` is the API's answer (`dryRun: false`).
 */
export type OzReferralsImportedEvent = CustomEvent<{ report: ReferralImportReport }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-referrals-imported': OzReferralsImportedEvent;
  }
}
