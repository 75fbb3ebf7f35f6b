import type { ReferralImportReport } from '@oz/contracts';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import { importReferrals } from '../../api/referrals.ts';
import { uploadPercent, type UploadProgress } from '../../api/upload.ts';

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
 * check, then, after the manager confirms, the import of the same file. Stopped when the element
 * leaves the page.
 */
export class ReferralUpload implements ReactiveController {
  /** What runs now; undefined when idle. */
  mode: UploadMode | undefined;
  progress: UploadProgress | undefined;

  readonly #host: ReactiveElement;
  readonly #client: () => ApiClient;
  #abort: AbortController | undefined;

  constructor(host: ReactiveElement, client: () => ApiClient) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  get pending(): boolean {
    return this.mode !== undefined;
  }

  /** Whole percent of the file sent, 0–100. */
  get percent(): number {
    return uploadPercent(this.progress);
  }

  /** The whole file has gone out and the server is reading the rows (or writing them). */
  get sent(): boolean {
    return this.progress !== undefined && this.progress.total > 0 && this.progress.loaded >= this.progress.total;
  }

  async run(file: File, mode: UploadMode): Promise<UploadOutcome> {
    if (this.pending) return {};
    const abort = new AbortController();
    this.#abort = abort;
    this.mode = mode;
    this.progress = { loaded: 0, total: file.size };
    this.#host.requestUpdate();
    try {
      const report = await importReferrals(this.#client(), file, {
        dryRun: mode === 'check',
        signal: abort.signal,
        onProgress: (progress) => {
          this.progress = progress;
          this.#host.requestUpdate();
        },
      });
      return { report };
    } catch (error) {
      return isAbortError(error) ? { aborted: true } : { error };
    } finally {
      this.mode = undefined;
      this.progress = undefined;
      this.#abort = undefined;
      this.#host.requestUpdate();
    }
  }

  /**
   * Stops the transfer. Meant for the check: an import whose file has gone out is written by the
   * server whether or not anyone waits for the answer.
   */
  cancel(): void {
    this.#abort?.abort();
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
