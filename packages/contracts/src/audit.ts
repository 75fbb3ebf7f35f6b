import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { Phone } from './phone.ts';
import { Role } from './users.ts';

/** What was done: a read of someone's medical data, or a change of a status. */
export const AuditAction = z.enum(['read', 'status_changed']);
export type AuditAction = z.infer<typeof AuditAction>;

/** What it was done to. */
export const AuditSubjectType = z.enum(['document', 'conclusion', 'application', 'chat', 'consultation', 'staff_account', 'patient_account']);
export type AuditSubjectType = z.infer<typeof AuditSubjectType>;

/**
 * One entry of the audit trail (append-only): who (`actorId`, `actorRole`), what (`action` on
 * `subjectType`/`subjectId`), whose (`patientId`), when (`at`) and from which address.
 */
export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorRole: Role,
    /** The actor's name as the program knows it (staff and patients alike). */
    actorName: z.string(),
    action: AuditAction,
    subjectType: AuditSubjectType,
    subjectId: z.string(),
    /** Whose record it is: the patient's id (for `staff_account` and `patient_account`, the account's own id). */
    patientId: z.string(),
    /** `status_changed`: the new status (`scheduled`, `declined`, `cancelled`, `completed`, …; for a staff account `created`, `updated`, `disabled`, `enabled`, `password_sent`; for a patient's account `erased`: «Удалить аккаунт»). */
    status: z.string().nullable(),
    /** The client's address as the server saw it; the manager's trail only (a patient's own view leaves it out). */
    address: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Whose trail the manager is reading (found by id or by phone). */
export const AuditPatient = z.object({ id: z.string(), fullName: z.string(), birthDate: z.string().nullable(), phone: z.string() }).meta({ id: 'AuditPatient' });
export type AuditPatient = z.infer<typeof AuditPatient>;

export const AuditList = z
  .object({ patient: AuditPatient.optional().meta({ description: "The manager's answers: whose trail it is" }), items: z.array(AuditEntry), nextCursor: NextCursor })
  .meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof AuditList>;

/** Whose trail: by the patient's id, or by their phone as people write it (one of the two). */
const PatientIdQuery = z.object({
  patientId: z.string().min(1).max(100).optional().meta({ description: 'Whose trail (or `phone`)' }),
  phone: Phone.optional().meta({ description: "Whose trail, by the patient's phone (or `patientId`)" }),
});

export const AuditQuery = pageQuery('audit').extend(PatientIdQuery.shape);

/** The whole trail of one patient as a CSV file. */
export const AuditExportQuery = PatientIdQuery;

export const MyAuditQuery = pageQuery('audit');
