import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { FILE_KEY } from '../../ports/file-store.ts';
import { lockDataDir } from '../../adapters/store/data-dir-lock.ts';
import { DurableJsonFile } from '../../adapters/store/durable-json-file.ts';
import type { StoreData } from '../../adapters/store/lowdb-repositories.ts';
import { parseOptionsAndFile, type Command, type Progress } from '../command.ts';
import { megabytes } from '../store-copy/copy-files.ts';
import { BackupError, type Manifest } from './archive-format.ts';
import { counted, countRecords, filesDirOf, readStoreFile, refuseUnlessEmbedded, storeFileOf, totalRecords } from './embedded-store.ts';
import { verifyBackup, type VerifiedBackup } from './verify-backup.ts';

const PROGRESS_EVERY_MS = 1_000;

export interface RestoreOptions {
  dataDir: string;
  archive: string;
  force: boolean;
  progress: Progress;
  now?: () => Date;
}

export interface RestoreOutcome {
  manifest: Manifest;
  /** Where the store that was replaced is kept, when there was one. */
  keptStore: string | null;
  /** Files that were in OZ_DATA_DIR/files before and that the backup does not name: left in place. */
  otherFiles: number;
}

interface CurrentContents {
  storeExists: boolean;
  /** null when the store file cannot be read. */
  records: number | null;
  fileKeys: Set<string>;
}

/**
 * Puts a backup into the embedded store of `dataDir`, holding the data directory's lock (so never
 * beside a running server). The whole archive is checked before anything is written; then the
 * files go in (each written aside, fsynced and renamed into place), and last the store file,
 * replaced atomically: a failure leaves the old store, at worst with some extra whole files.
 */
export async function restoreEmbeddedStore({ dataDir, archive, force, progress, now = () => new Date() }: RestoreOptions): Promise<RestoreOutcome> {
  if (!(await exists(archive))) throw new BackupError(`There is no file ${archive}; nothing was changed.`);
  // A running server holds the lock: say so before reading a large archive. A folder that does not exist has no server.
  let release = (await exists(dataDir)) ? await lockDataDir(dataDir) : null;
  try {
    // Held by the lock, the folder cannot change: what it holds now is what the restore replaces.
    let current = release ? await currentContents(dataDir) : null;
    if (current && !force) refuseUnlessEmpty(dataDir, current);
    progress(`Checking ${archive}`);
    const backup = await verifyBackup(archive);
    try {
      if (!current) {
        await mkdir(dataDir, { recursive: true, mode: 0o700 });
        release = await lockDataDir(dataDir);
        current = await currentContents(dataDir);
        if (!force) refuseUnlessEmpty(dataDir, current);
      }
      progress(`  the backup is whole (${counted(backup.files.length, 'file')}, made ${backup.manifest.createdAt}); restoring into ${dataDir}`);
      await restoreFiles(backup, filesDirOf(dataDir), progress);
      const keptStore = current.storeExists ? await keepStore(dataDir, now()) : null;
      await new DurableJsonFile<StoreData>(storeFileOf(dataDir)).write(backup.store);
      const restored = new Set(backup.files.map((file) => file.key));
      return { manifest: backup.manifest, keptStore, otherFiles: [...current.fileKeys].filter((key) => !restored.has(key)).length };
    } finally {
      backup.archive.close();
    }
  } finally {
    await release?.();
  }
}

async function currentContents(dataDir: string): Promise<CurrentContents> {
  const storeExists = await exists(storeFileOf(dataDir));
  let records: number | null = 0;
  if (storeExists) {
    const data = await readStoreFile(dataDir).catch(() => null);
    records = data ? totalRecords(countRecords(data)) : null;
  }
  const names = await readdir(filesDirOf(dataDir)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return { storeExists, records, fileKeys: new Set(names.filter((name) => FILE_KEY.test(name))) };
}

function refuseUnlessEmpty(dataDir: string, current: CurrentContents): void {
  if (current.records === 0 && current.fileKeys.size === 0) return;
  const what = [
    current.records === null ? `a store file that cannot be read` : current.records > 0 ? `a store with ${counted(current.records, 'record')}` : null,
    current.fileKeys.size > 0 ? counted(current.fileKeys.size, 'file') : null,
  ].filter(Boolean);
  throw new BackupError(
    `${dataDir} already holds ${what.join(' and ')}; nothing was changed. Restore into an empty OZ_DATA_DIR, or add --force to replace the store ` +
      `(the current ${storeFileOf(dataDir)} is kept as oz-store.json.before-restore-<time>, and no file in ${filesDirOf(dataDir)} is deleted).`,
  );
}

/** Each file is written aside, checked against the manifest again (the archive might have changed since), fsynced, renamed into place. */
async function restoreFiles(backup: VerifiedBackup, filesDir: string, progress: Progress): Promise<void> {
  await mkdir(filesDir, { recursive: true, mode: 0o700 });
  let done = 0;
  let bytes = 0;
  let reportedAt = Date.now();
  for (const file of backup.files) {
    // A leading dot: never a storage key, so never served, even if left behind by a crash.
    const temp = join(filesDir, `.${file.key}.${randomBytes(6).toString('hex')}.restoring`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      const read = await backup.archive.readMember(file.name, writesTo(handle));
      if (read.bytes !== file.bytes || read.sha256 !== file.sha256) throw new Error(`${file.name} changed since the backup was checked`);
      await handle.sync();
      await handle.close();
      // The same key in another store of this deployment holds the same bytes: keys are random and files never change.
      await rename(temp, join(filesDir, file.key));
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw new BackupError(
        `The restore stopped at ${file.name}: ${(error as Error).message}. The store was not changed; the ${done} files restored before are whole and harmless, and a new run writes them again.`,
        { cause: error },
      );
    }
    done += 1;
    bytes += file.bytes;
    if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
      reportedAt = Date.now();
      progress(`  files: ${done}/${backup.files.length} (${megabytes(bytes)})`);
    }
  }
  await syncDirectory(filesDir);
}

/** Appends to an open file and leaves it open, for the fsync that follows (a FileHandle's own stream would close it). */
function writesTo(handle: FileHandle): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      handle.write(chunk).then(() => done(), done);
    },
  });
}

/** A copy, not a rename: the store file stays in place until the new one replaces it atomically. */
async function keepStore(dataDir: string, at: Date): Promise<string> {
  const kept = `${storeFileOf(dataDir)}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
  await copyFile(storeFileOf(dataDir), kept, constants.COPYFILE_EXCL);
  const handle = await open(kept, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return kept;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // not every system syncs a folder
  } finally {
    await handle.close();
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** `restore <file> [--force]` */
export function restore(help: string): Command {
  return async (args, env, progress) => {
    const { values, file } = parseOptionsAndFile(args, { force: { type: 'boolean' } }, help, 'restore needs the backup file to restore, e.g. npm run oz -- restore /var/backups/oz-2026-12-05.zip');
    const config = loadConfig(env);
    refuseUnlessEmbedded(config, 'restore');
    const archive = resolve(env.INIT_CWD ?? process.cwd(), file);
    const outcome = await restoreEmbeddedStore({ dataDir: config.dataDir, archive, force: values.force === true, progress });
    return report(config.dataDir, archive, outcome);
  };
}

function report(dataDir: string, archive: string, { manifest, keptStore, otherFiles }: RestoreOutcome): string {
  const counts = Object.entries(manifest.records);
  const width = Math.max(...counts.map(([name]) => name.length));
  const lines = [
    `Restored ${counted(totalRecords(manifest.records), 'record')} and ${counted(manifest.files.count, 'file')} (${megabytes(manifest.files.bytes)}) from ${archive}, made ${manifest.createdAt}, into ${dataDir}; every file's SHA-256 matched:`,
    ...counts.map(([name, count]) => `  ${name.padEnd(width)}  ${count}`),
  ];
  if (keptStore) lines.push(`The store it replaced is kept as ${keptStore}.`);
  if (otherFiles > 0) lines.push(`${counted(otherFiles, 'file')} already in ${filesDirOf(dataDir)} that the backup does not name ${otherFiles === 1 ? 'was' : 'were'} left in place.`);
  if (manifest.missingFiles.length > 0) lines.push(`${counted(manifest.missingFiles.length, 'document')} had no file when the backup was made, and ${manifest.missingFiles.length === 1 ? 'has' : 'have'} none now.`);
  lines.push(`Start the server with OZ_DATA_DIR=${dataDir}.`);
  return lines.join('\n');
}
