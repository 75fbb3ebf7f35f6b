import type { ReferralImportReport } from '@oz/contracts';
import { importReferrals } from '../../api/referrals.ts';
import { UploadTransfer } from '../../controllers/upload-transfer.ts';

/** A check (`dryRun`) only reads the table; an import writes it and sends the SMS. */
export type UploadMode = 'check' | 'import';

export interface UploadOutcome {
  report?: ReferralImportReport;
  error?: unknown;
  /** The person stopped it. */
  aborted?: boolean;
}

/**
 * One upload of the table at a time, with its progress, for <oz-referral-import>: first the
 * check, then, after the manager confirms, the import of the same file. `cancel()` is meant for
 * the check: an import whose file has gone out is written by the server whether or not anyone
 * waits for the answer.
 */
export class ReferralUpload extends UploadTransfer<UploadMode> {
  /** What runs now; undefined when idle. */
  get mode(): UploadMode | undefined {
    return this.job;
  }

  /** The whole file has gone out and the server is reading the rows (or writing them). */
  get sent(): boolean {
    return this.progress !== undefined && this.progress.total > 0 && this.progress.loaded >= this.progress.total;
  }

  async run(file: File, mode: UploadMode): Promise<UploadOutcome> {
    const { value: report, error, aborted } = await this.transfer(mode, file.size, (options) =>
      importReferrals(this.client(), file, { dryRun: mode === 'check', ...options }),
    );
    return { report, error, aborted };
  }
}
