import { open, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { FILE_KEY } from '../../ports/file-store.ts';
import type { DocumentRecord } from '../../ports/store.ts';
import { SCHEMA_VERSION } from '../../adapters/store/lowdb-repositories.ts';
import { parseOptionsAndFile, type Command, type Progress } from '../command.ts';
import { megabytes } from '../store-copy/copy-files.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, fileMember, MANIFEST_MEMBER, STORE_MEMBER, type Manifest, type Member } from './archive-format.ts';
import { writeArchiveAtomically } from './archive-writer.ts';
import { counted, countRecords, filesDirOf, readStoreFile, refuseUnlessEmbedded, storeFileOf, totalRecords } from './embedded-store.ts';

const PROGRESS_EVERY_MS = 1_000;

export interface BackupOptions {
  dataDir: string;
  target: string;
  force: boolean;
  progress: Progress;
  /** For tests: runs before each document's file is opened, after the store file was read. */
  beforeEachFile?: (document: DocumentRecord) => Promise<void>;
}

export interface BackupOutcome {
  target: string;
  archiveBytes: number;
  manifest: Manifest;
  /** Ids of documents deleted while the backup ran, left out of it. */
  deleted: string[];
  /** Ids of documents whose file was missing before the backup: their records are in it as they were. */
  withoutFile: string[];
}

/**
 * Backs up the embedded store while the server may run: reads the store file once (one committed
 * state, no lock needed), then adds the file of every document that state names, then that state
 * and a manifest. Uploads and deletions meanwhile do not matter: a new document's record is not in
 * the state read, and a document deleted before its file was opened is left out (its record goes
 * only after the deletion has committed, which a second read of the store file confirms).
 */
export async function backupEmbeddedStore({ dataDir, target, force, progress, beforeEachFile }: BackupOptions): Promise<BackupOutcome> {
  refuseUnsafeTarget(dataDir, target);
  const folder = dirname(target);
  if (!(await stat(folder).then((info) => info.isDirectory(), () => false))) throw new BackupError(`There is no folder ${folder} to write the backup in; create it first. Nothing was written.`);
  if (!force && (await exists(target))) throw new BackupError(`${target} already exists; it was left as it is. Choose another name, or add --force to replace it.`);
  const data = await readStoreFile(dataDir);
  if (!data) throw new BackupError(`There is no embedded store in ${dataDir} (no ${storeFileOf(dataDir)}), so nothing to back up. Set OZ_DATA_DIR to the deployment's data directory.`);

  const documents = uniqueByKey(data.documents ?? []);
  progress(`Backing up ${storeFileOf(dataDir)} and ${counted(documents.length, 'file')} to ${target}`);
  const filesDir = filesDirOf(dataDir);
  const fileMembers: Member[] = [];
  const missing: DocumentRecord[] = [];
  let manifest: Manifest | undefined;
  let deleted = new Set<string>();

  const archiveBytes = await writeArchiveAtomically(target, force, async (archive) => {
    let reportedAt = Date.now();
    for (const document of documents) {
      await beforeEachFile?.(document);
      // Once open, the file reads whole even if the document is deleted meanwhile (POSIX unlink).
      const handle = FILE_KEY.test(document.storageKey) ? await openIfThere(join(filesDir, document.storageKey)) : null;
      if (!handle) {
        missing.push(document);
        continue;
      }
      try {
        fileMembers.push(await archive.addStream(fileMember(document.storageKey), handle.createReadStream({ autoClose: false })));
      } finally {
        await handle.close();
      }
      if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
        reportedAt = Date.now();
        progress(`  files: ${fileMembers.length + missing.length}/${documents.length} (${megabytes(sumBytes(fileMembers))})`);
      }
    }

    deleted = await deletedSince(dataDir, missing);
    if (deleted.size > 0) data.documents = data.documents.filter((document) => !deleted.has(document.id));
    const withoutFile = missing.filter((document) => !deleted.has(document.id));
    const store = archive.addBuffer(STORE_MEMBER, Buffer.from(JSON.stringify(data)));
    manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      storeSchemaVersion: data.schemaVersion ?? SCHEMA_VERSION,
      records: countRecords(data),
      files: { count: fileMembers.length, bytes: sumBytes(fileMembers) },
      members: [store, ...fileMembers],
      missingFiles: withoutFile.map((document) => document.storageKey),
      deletedDuringBackup: deleted.size,
    };
    archive.addBuffer(MANIFEST_MEMBER, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  }).catch((error: unknown) => {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup failed: ${(error as Error).message}. Nothing was written to ${target}.`, { cause: error });
  });

  return {
    target,
    archiveBytes,
    manifest: manifest!,
    deleted: [...deleted],
    withoutFile: missing.filter((document) => !deleted.has(document.id)).map((document) => document.id),
  };
}

/** Of the documents whose file was not there, those whose record the store no longer holds either. */
async function deletedSince(dataDir: string, missing: DocumentRecord[]): Promise<Set<string>> {
  if (missing.length === 0) return new Set();
  const now = await readStoreFile(dataDir);
  const present = new Set((now?.documents ?? []).map((document) => document.id));
  return new Set(missing.filter((document) => !present.has(document.id)).map((document) => document.id));
}

/** A backup written into the store's own place would replace the store or pass for a document's file. */
function refuseUnsafeTarget(dataDir: string, target: string): void {
  const inside = relative(filesDirOf(dataDir), target);
  if (target === storeFileOf(dataDir) || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new BackupError(`Write the backup outside ${storeFileOf(dataDir)} and ${filesDirOf(dataDir)}, ideally on another disk.`);
  }
}

function uniqueByKey(documents: DocumentRecord[]): DocumentRecord[] {
  const seen = new Set<string>();
  return documents.filter((document) => !seen.has(document.storageKey) && (seen.add(document.storageKey), true));
}

async function openIfThere(path: string) {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);
const sumBytes = (members: Member[]) => members.reduce((sum, member) => sum + member.bytes, 0);

/** `backup <file> [--force]` */
export function backup(help: string): Command {
  return async (args, env, progress) => {
    const { values, file } = parseOptionsAndFile(args, { force: { type: 'boolean' } }, help, 'backup needs the name of the backup file to write, e.g. npm run oz -- backup /var/backups/oz-2026-12-05.zip');
    const config = loadConfig(env);
    refuseUnlessEmbedded(config, 'backup');
    const started = Date.now();
    const outcome = await backupEmbeddedStore({ dataDir: config.dataDir, target: resolve(env.INIT_CWD ?? process.cwd(), file), force: values.force === true, progress });
    return report(outcome, (Date.now() - started) / 1000);
  };
}

function report({ target, archiveBytes, manifest, deleted, withoutFile }: BackupOutcome, seconds: number): string {
  const counts = Object.entries(manifest.records);
  const width = Math.max(...counts.map(([name]) => name.length));
  const lines = [
    `Backed up ${counted(totalRecords(manifest.records), 'record')} and ${counted(manifest.files.count, 'file')} (${megabytes(manifest.files.bytes)}) to ${target} (${megabytes(archiveBytes)}, ${seconds.toFixed(1)} s):`,
    ...counts.map(([name, count]) => `  ${name.padEnd(width)}  ${count}`),
  ];
  if (deleted.length > 0) {
    lines.push(`${deleted.length} document${deleted.length === 1 ? ' was' : 's were'} deleted while the backup ran and left out of it: ${deleted.join(', ')}.`);
  }
  if (withoutFile.length > 0) {
    const shown = withoutFile.slice(0, 10).join(', ');
    const more = withoutFile.length > 10 ? ` and ${withoutFile.length - 10} more` : '';
    lines.push(`Warning: ${withoutFile.length} document${withoutFile.length === 1 ? ' has' : 's have'} no file in OZ_DATA_DIR/files (missing before the backup too); the records are kept as they are: ${shown}${more}.`);
  }
  lines.push('Every member\'s SHA-256 is in its manifest.json. Restore with: npm run oz -- restore <file> (with the server stopped). Keep the file as safe as the data: it holds personal data.');
  return lines.join('\n');
}
