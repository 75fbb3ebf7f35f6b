import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../api/client.ts';
import { isAbortError } from '../api/errors.ts';
import { uploadPercent, type UploadProgress } from '../api/upload.ts';

/** What a transfer's request is handed: the way to stop it and where to report progress. */
export interface TransferOptions {
  signal: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
}

/** How one transfer ended: the API's answer, why it failed, or that the person stopped it. */
export interface TransferOutcome<T> {
  value?: T;
  error?: unknown;
  aborted?: boolean;
}

/**
 * One upload at a time with visible progress, the base of every upload of the widgets (documents,
 * the referral table): what goes out, how far it got, why it failed. Stopped when the element
 * leaves the page.
 */
export class UploadTransfer<Job> implements ReactiveController {
  /** What goes out now; undefined when idle. */
  job: Job | undefined;
  progress: UploadProgress | undefined;
  /** Why the last upload failed (not set when the person stopped it). */
  error: unknown;

  protected readonly host: ReactiveElement;
  protected readonly client: () => ApiClient;
  #abort: AbortController | undefined;

  constructor(host: ReactiveElement, client: () => ApiClient) {
    this.host = host;
    this.client = client;
    host.addController(this);
  }

  get pending(): boolean {
    return this.job !== undefined;
  }

  /** Whole percent sent, 0–100. */
  get percent(): number {
    return uploadPercent(this.progress);
  }

  cancel(): void {
    this.#abort?.abort();
  }

  clearError(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Sends `job` (`size` bytes) with `send`, unless another upload is still going out. */
  protected async transfer<T>(
    job: Job,
    size: number,
    send: (options: TransferOptions) => Promise<T>,
  ): Promise<TransferOutcome<T>> {
    if (this.pending) return {};
    const abort = new AbortController();
    this.#abort = abort;
    this.job = job;
    this.progress = { loaded: 0, total: size };
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await send({
        signal: abort.signal,
        onProgress: (progress) => {
          this.progress = progress;
          this.host.requestUpdate();
        },
      });
      return { value };
    } catch (error) {
      if (isAbortError(error)) return { aborted: true };
      this.error = error;
      return { error };
    } finally {
      this.job = undefined;
      this.progress = undefined;
      this.#abort = undefined;
      this.host.requestUpdate();
    }
  }
}
