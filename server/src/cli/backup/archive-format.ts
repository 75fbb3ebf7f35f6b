import { z } from 'zod';
import { FILE_KEY } from '../../ports/file-store.ts';

/**
 * A backup of the embedded store is one ZIP file:
 *   oz-store.json   the store file as one committed state (records of deleted documents left out)
 *   files/<key>     the file of every document that state names, under its storage key
 *   manifest.json   what is inside, with the size and SHA-256 of every other member (written last)
 */
export const BACKUP_FORMAT = 'oz-embedded-store-backup';
/** Raised when the layout changes; a restore refuses versions it does not know. */
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_MEMBER = 'manifest.json';
export const STORE_MEMBER = 'oz-store.json';
const FILES_FOLDER = 'files/';

export const fileMember = (key: string): string => `${FILES_FOLDER}${key}`;

/** The storage key of a `files/<key>` member; null for any other name. */
export function keyOfFileMember(name: string): string | null {
  if (!name.startsWith(FILES_FOLDER)) return null;
  const key = name.slice(FILES_FOLDER.length);
  return FILE_KEY.test(key) ? key : null;
}

/** Only these names: nothing in a backup can become a path outside OZ_DATA_DIR/files. */
export const isKnownMember = (name: string): boolean => name === MANIFEST_MEMBER || name === STORE_MEMBER || keyOfFileMember(name) !== null;

const Sha256 = z.string().regex(/^[a-f0-9]{64}$/);
const Count = z.number().int().min(0);

export const Member = z.object({ name: z.string(), bytes: Count, sha256: Sha256 });
export type Member = z.infer<typeof Member>;

export const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  /** The store file's own schemaVersion, as it was read. */
  storeSchemaVersion: Count,
  /** Records per collection of oz-store.json. */
  records: z.record(z.string(), Count),
  files: z.object({ count: Count, bytes: Count }),
  /** Every member but the manifest itself. */
  members: z.array(Member),
  /** Storage keys of documents whose file was already missing from OZ_DATA_DIR/files: their records are kept as they were. */
  missingFiles: z.array(z.string()),
  /** Documents deleted while the backup ran (file gone): left out, as if the backup had started after their deletion. */
  deletedDuringBackup: Count,
});
export type Manifest = z.infer<typeof Manifest>;

/** A backup or restore that cannot go ahead for a reason the operator can act on: exit code 2, no stack trace. */
export class BackupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BackupError';
  }
}
