import { ApiError } from '../../api/errors.ts';
import { ReferralFileError } from '../../api/referrals.ts';
import { describeError } from '../../internal/describe-error.ts';
import type { Translation } from '../../i18n/index.ts';
import { MAX_ROWS } from './limits.ts';

/**
 * Words for a refused table (the whole file, not single rows), naming the file: not a table,
 * missing columns (listed), empty, too large or too many rows. Other failures as everywhere.
 */
export function describeFileProblem(t: Translation, fileName: string, error: unknown): string {
  const r = t.referralImport;
  if (error instanceof ReferralFileError && error.missingColumns.length > 0) return r.missingColumns(fileName, error.missingColumns);
  if (error instanceof ApiError) {
    if (error.code === 'file_unreadable' || error.code === 'unsupported_media_type') return r.notATable(fileName);
    if (error.code === 'payload_too_large') return r.tooLarge(fileName, MAX_ROWS);
    if (error.code === 'validation_failed' && error.fields.some((field) => field.field === 'file')) return r.emptyFile(fileName);
    if (error.code === 'forbidden') return r.managersOnly;
  }
  return describeError(t, error);
}
