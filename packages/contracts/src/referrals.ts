import { z } from 'zod';
import { MAX_REFERRAL_ROWS, REFERRAL_COLUMNS, type ReferralColumn as ReferralColumnKey } from './constants.ts';

import { CenterId } from './centers.ts';
import { NormalizedPhone, Phone } from './phone.ts';


export const ReferralRowErrorCode = z.enum([
  'name_missing',
  'birth_date_invalid',
  'phone_invalid',
  'diagnosis_missing',
  'center_unknown',
  'duplicate_in_file', // the same phone and center appear on an earlier row
  'phone_belongs_to_staff',
  'phone_belongs_to_other_person', // a patient with this phone has another name or birth date
  'phone_not_confirmed', // the registered patient has not proved the phone by SMS yet: nothing is attached
]);
export type ReferralRowErrorCode = z.infer<typeof ReferralRowErrorCode>;

/** The fields of a referral row, one per column of the table (`REFERRAL_COLUMNS`). */
export const ReferralField = z.enum(Object.keys(REFERRAL_COLUMNS) as [ReferralColumnKey, ...ReferralColumnKey[]]);
export type ReferralField = z.infer<typeof ReferralField>;

/** One problem of one row; a row has as many entries as problems (each row is skipped whole). */
export const ReferralRowError = z
  .object({
    row: z.number().int().meta({ description: 'Row number in the file; the header is row 1' }),
    field: ReferralField.nullable().meta({ description: 'The field the problem is in (`fullName`, `birthDate`, …); null: the whole row' }),
    code: ReferralRowErrorCode,
    column: z.string().nullable().meta({ description: 'The column header the problem is in' }),
    message: z.string(),
  })
  .meta({ id: 'ReferralRowError' });
export type ReferralRowError = z.infer<typeof ReferralRowError>;

export const ReferralRowOutcome = z.enum(['create', 'attach', 'known', 'error']);
export type ReferralRowOutcome = z.infer<typeof ReferralRowOutcome>;

export const ReferralPreviewRow = z
  .object({
    row: z.number().int(),
    outcome: ReferralRowOutcome.meta({
      description: '`create`: a new patient gets an SMS; `attach`: a known patient gets this referral; `known`: already imported; `error`: see errors',
    }),
    fullName: z.string(),
    phone: z.string().meta({ description: 'Normalised when valid, else as written' }),
    centerId: CenterId.nullable(),
  })
  .meta({ id: 'ReferralPreviewRow' });
export type ReferralPreviewRow = z.infer<typeof ReferralPreviewRow>;

export const ReferralImportReport = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int().meta({ description: 'Data rows read (not counting empty ones)' }),
    created: z.number().int().meta({ description: 'New patients (each gets an SMS with a login and a one-time password)' }),
    skipped: z.number().int().meta({ description: 'Rows whose patient already had an account (the referral is attached unless it already was)' }),
    attached: z.number().int().meta({ description: 'Of the skipped rows, those that added a referral to a known patient' }),
    errors: z.array(ReferralRowError).meta({ description: 'Every problem of every row, by row; a row with any problem is not imported' }),
    rows: z.array(ReferralPreviewRow),
    smsFailures: z.array(z.object({ row: z.number().int(), phone: z.string() })).meta({
      description: 'New patients whose SMS could not be sent; their accounts exist',
    }),
  })
  .meta({ id: 'ReferralImportReport' });
export type ReferralImportReport = z.infer<typeof ReferralImportReport>;

export const ReferralImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({ description: '`true`: the same report, nothing written, no SMS' }),
});

/**
 * The manager sends an imported patient a new one-time password: the first SMS did not arrive,
 * or its password expired before the patient signed in.
 */
export const CredentialsResendRequest = z.object({ phone: Phone }).meta({ id: 'CredentialsResendRequest' });
export type CredentialsResendRequest = z.input<typeof CredentialsResendRequest>;

export const CredentialsResendResult = z
  .object({
    phone: NormalizedPhone,
    fullName: z.string(),
    expiresAt: z.string().meta({ description: 'ISO time when the new one-time password stops working' }),
  })
  .meta({ id: 'CredentialsResendResult' });
export type CredentialsResendResult = z.infer<typeof CredentialsResendResult>;
