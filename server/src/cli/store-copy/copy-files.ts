import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FileNotFoundError, type FileStore } from '../../ports/file-store.ts';
import type { DocumentRecord } from '../../ports/store.ts';
import type { Progress } from '../command.ts';
import { StoreCopyError } from './plan.ts';

/** Uploads at once: enough to keep a link busy, few enough for 20 MB files in memory. */
const PARALLEL_UPLOADS = 4;
const PROGRESS_EVERY_MS = 1_000;

export interface FilesOnDisk {
  found: number;
  missing: DocumentRecord[];
}

/** Which documents' files are in OZ_DATA_DIR/files (the disk adapter's layout), without reading them. */
export async function findFilesOnDisk(dataDir: string, documents: DocumentRecord[]): Promise<FilesOnDisk> {
  const missing: DocumentRecord[] = [];
  for (const document of documents) {
    const found = await stat(join(dataDir, 'files', document.storageKey)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!found) missing.push(document);
  }
  return { found: documents.length - missing.length, missing };
}

export interface FilesCopied {
  copied: number;
  bytes: number;
  /** Documents whose file was not on disk before the copy either. */
  missing: DocumentRecord[];
}

/**
 * Puts every document's file into the target FileStore under the same key (so the records need
 * no change) and reads it back to check its size and bytes. Any failure stops the move before a
 * single record is written; objects already uploaded stay, and a new run overwrites them.
 */
export async function copyFiles(from: FileStore, to: FileStore, documents: DocumentRecord[], progress: Progress): Promise<FilesCopied> {
  const result: FilesCopied = { copied: 0, bytes: 0, missing: [] };
  let next = 0;
  let reportedAt = Date.now();
  const report = () => progress(`  files: ${result.copied + result.missing.length}/${documents.length} (${megabytes(result.bytes)})`);

  const copyOne = async (document: DocumentRecord) => {
    let bytes: Uint8Array;
    try {
      bytes = await from.get(document.storageKey);
    } catch (error) {
      if (error instanceof FileNotFoundError) {
        result.missing.push(document);
        return;
      }
      throw error;
    }
    try {
      await to.putAs(document.storageKey, bytes);
      const stored = await to.get(document.storageKey);
      if (stored.byteLength !== bytes.byteLength || !Buffer.from(stored).equals(Buffer.from(bytes))) {
        throw new Error(`the stored object has ${stored.byteLength} bytes, the file ${bytes.byteLength}`);
      }
    } catch (error) {
      throw new StoreCopyError(
        `Could not copy the file of document ${document.id} (key ${document.storageKey}): ${(error as Error).message}. ` +
          'No records were written; the files already uploaded are harmless and a new run overwrites them.',
      );
    }
    result.copied += 1;
    result.bytes += bytes.byteLength;
    if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
      reportedAt = Date.now();
      report();
    }
  };

  // The first failure stops every worker before the next file; all have settled when it is thrown.
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < documents.length) {
      try {
        await copyOne(documents[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, documents.length) }, worker));
  if (failure) throw failure.error;
  report();
  return result;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
