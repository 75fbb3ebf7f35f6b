import type { DocumentKind, MedicalDocument } from '@oz/contracts';
import { uploadDocument } from '../../api/upload.ts';
import { UploadTransfer } from '../../controllers/upload-transfer.ts';

/**
 * One document upload at a time with visible progress, for <oz-documents> and <oz-apply>: the
 * file and kind being sent, how far it got, why it failed.
 */
export class DocumentUpload extends UploadTransfer<{ kind: DocumentKind; file: File }> {
  /** The file going out now; undefined when idle. */
  get file(): File | undefined {
    return this.job?.file;
  }

  get kind(): DocumentKind | undefined {
    return this.job?.kind;
  }

  /**
   * Sends the file. Resolves with the stored document, or undefined when it failed (see `error`)
   * or was stopped (`aborted` true).
   */
  async upload(kind: DocumentKind, file: File): Promise<{ document?: MedicalDocument; aborted?: boolean }> {
    const { value: document, aborted } = await this.transfer({ kind, file }, file.size, (options) =>
      uploadDocument(this.client(), { kind, file }, options),
    );
    return { document, aborted };
  }
}
