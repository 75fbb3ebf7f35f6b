import { z } from 'zod';
import { Consultation } from './consultations.ts';
import { CenterId } from './forms/centers.ts';
import { NormalizedPhone, Phone } from './phone.ts';

/** The roles a staff account has; patients register themselves. */
export const StaffRole = z.enum(['doctor', 'manager']);
export type StaffRole = z.infer<typeof StaffRole>;

/** A doctor's or a manager's account as the manager sees it. */
export const StaffMember = z
  .object({
    id: z.string(),
    role: StaffRole,
    fullName: z.string(),
    phone: NormalizedPhone,
    centerId: CenterId.nullable(),
    isDutyDoctor: z.boolean(),
    /** Disabled: cannot sign in; every session ended when it was disabled. */
    disabledAt: z.string().nullable(),
    /** Still on the one-time password of an SMS (a new account, or a new password sent). */
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffList = z.object({ items: z.array(StaffMember) }).meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof StaffList>;

const FullName = z.string().trim().min(1).max(200);

/** A new doctor or manager: a one-time password goes to the phone by SMS. */
export const CreateStaffRequest = z
  .object({
    role: StaffRole,
    fullName: FullName,
    phone: Phone,
    centerId: CenterId.nullable().default(null).meta({ description: 'A doctor\'s center (required for doctors; none for managers)' }),
    isDutyDoctor: z.boolean().default(false),
  })
  .meta({ id: 'CreateStaffRequest' });
export type CreateStaffRequest = z.input<typeof CreateStaffRequest>;

/** What may change: the name, a doctor's center and duty flag. */
export const UpdateStaffRequest = z
  .object({ fullName: FullName.optional(), centerId: CenterId.optional(), isDutyDoctor: z.boolean().optional() })
  .meta({ id: 'UpdateStaffRequest' });
export type UpdateStaffRequest = z.input<typeof UpdateStaffRequest>;

/** A disabled account, and the consultations it still had open: they need another doctor. */
export const DisableStaffResult = z
  .object({ staff: StaffMember, openConsultations: z.array(Consultation) })
  .meta({ id: 'DisableStaffResult' });
export type DisableStaffResult = z.infer<typeof DisableStaffResult>;

/** A new one-time password went to the account's phone. */
export const StaffPasswordResult = z.object({ staff: StaffMember, expiresAt: z.string() }).meta({ id: 'StaffPasswordResult' });
export type StaffPasswordResult = z.infer<typeof StaffPasswordResult>;
