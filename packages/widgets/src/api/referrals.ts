import type { CredentialsResendRequest, ErrorBody } from '@oz/contracts';
import type { ApiClient } from './client.ts';
import { ApiError } from './errors.ts';
import { readApiError } from './read-error.ts';
import { sendMultipart, type UploadProgress } from './upload.ts';

/** Path 3 of the program: the manager's import of the referral table (routes/referrals.ts of the server). */

export interface ImportReferralsOptions {
  /** `true`: the API reads and checks the table and answers the same report, writing nothing. */
  dryRun: boolean;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal | undefined;
}

/**
 * The whole file was refused with `file_unreadable`; for a table whose row 1 lacks required
 * columns the API names them (`details.missingColumns`, the Russian headers).
 */
export class ReferralFileError extends ApiError {
  readonly missingColumns: readonly string[];

  constructor(status: number, body: ErrorBody['error'], missingColumns: readonly string[]) {
    super(status, body);
    this.missingColumns = missingColumns;
  }
}

/**
 * `POST /referrals/import` (manager only) with upload progress: a table of thousands of rows is
 * megabytes on a slow regional line. Without `dryRun` it commits and the API sends the SMS.
 */
export function importReferrals(client: ApiClient, file: File, { dryRun, onProgress, signal }: ImportReferralsOptions) {
  // Without dryRun the query stays empty: the API's default commits.
  const input = { query: { dryRun: dryRun ? ('true' as const) : undefined }, form: { file } };
  return sendMultipart(client, 'POST /referrals/import', input, { onProgress, signal, sizeHint: file.size, readError: readImportError });
}

/**
 * `POST /referrals/credentials` (manager only): a new one-time password by SMS for a patient who
 * has not chosen their own yet; the old one stops working.
 */
export function resendCredentials(client: ApiClient, body: CredentialsResendRequest, signal?: AbortSignal) {
  return client.call('POST /referrals/credentials', { body, signal });
}

/** The address of the empty table with the right headers (public, so a plain link works). */
export function referralTemplateUrl(client: ApiClient): string {
  return client.url('GET /referrals/template.csv');
}

/** Keeps `details.missingColumns`, which the shared ApiError does not carry. */
async function readImportError(response: Response): Promise<ApiError> {
  const body = (await response.clone().json().catch(() => undefined)) as ErrorBody | undefined;
  const missing = body?.error?.details?.['missingColumns'];
  if (body?.error?.code === 'file_unreadable' && Array.isArray(missing)) {
    return new ReferralFileError(response.status, body.error, missing.map(String));
  }
  return readApiError(response);
}
