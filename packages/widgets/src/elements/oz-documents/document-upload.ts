import type { DocumentKind, MedicalDocument } from '@oz/contracts';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import { uploadDocument, uploadPercent, type UploadProgress } from '../../api/upload.ts';

/**
 * One upload at a time with visible progress, for <oz-documents> and <oz-apply>: the file and
 * kind being sent, how far it got, why it failed. Stopped when the element leaves the page.
 */
export class DocumentUpload implements ReactiveController {
  /** The file going out now; undefined when idle. */
  file: File | undefined;
  kind: DocumentKind | undefined;
  progress: UploadProgress | undefined;
  /** Why the last upload failed (not set when the person stopped it). */
  error: unknown;

  readonly #host: ReactiveElement;
  readonly #client: () => ApiClient;
  #abort: AbortController | undefined;

  constructor(host: ReactiveElement, client: () => ApiClient) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  get pending(): boolean {
    return this.file !== undefined;
  }

  /** Whole percent sent, 0–100. */
  get percent(): number {
    return uploadPercent(this.progress);
  }

  /**
   * Sends the file. Resolves with the stored document, or undefined when it failed (see `error`)
   * or was stopped (`aborted` true).
   */
  async upload(kind: DocumentKind, file: File): Promise<{ document?: MedicalDocument; aborted?: boolean }> {
    if (this.pending) return {};
    const abort = new AbortController();
    this.#abort = abort;
    this.file = file;
    this.kind = kind;
    this.progress = { loaded: 0, total: file.size };
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const document = await uploadDocument(this.#client(), { kind, file }, {
        signal: abort.signal,
        onProgress: (progress) => {
          this.progress = progress;
          this.#host.requestUpdate();
        },
      });
      return { document };
    } catch (error) {
      if (isAbortError(error)) return { aborted: true };
      this.error = error;
      return {};
    } finally {
      this.file = undefined;
      this.kind = undefined;
      this.progress = undefined;
      this.#abort = undefined;
      this.#host.requestUpdate();
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  clearError(): void {
    this.error = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
