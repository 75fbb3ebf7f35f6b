import type { StaffMember } from '@oz/contracts';

/** What the manager did to a staff account in <oz-staff>. */
export type StaffChange = 'created' | 'updated' | 'disabled' | 'enabled' | 'password_sent';

/**
 * The manager added, changed, disabled or enabled a doctor's or a manager's account in
 * <oz-staff>, or sent them a new password by SMS. `staff` is the account as it is now.
 */
export type OzStaffChangedEvent = CustomEvent<{ change: StaffChange; staff: StaffMember }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'oz-staff-changed': OzStaffChangedEvent;
  }
}
