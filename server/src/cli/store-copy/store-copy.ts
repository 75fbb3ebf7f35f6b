import { loadConfig, type Config } from '../../config.ts';
import type { FileStore } from '../../ports/file-store.ts';
import { withoutPassword } from '../../adapters/store/open-store.ts';
import { pgPool } from '../../adapters/store/postgres/sql.ts';
import { openDiskFileStore } from '../../adapters/files/disk-file-store.ts';
import { openS3FileStore } from '../../adapters/files/s3-file-store.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { readLockedLowdbStore } from './lowdb-snapshot.ts';
import { planCopy, StoreCopyError, type CopyPlan } from './plan.ts';
import { copyRecords, prepareTarget, type CopiedCount } from './copy-records.ts';
import { copyFiles, findFilesOnDisk, megabytes, type FilesCopied, type FilesOnDisk } from './copy-files.ts';

type S3Config = NonNullable<Config['s3']>;

/**
 * `store copy --to <DATABASE_URL> [--files-to-s3]`: moves a stopped embedded deployment to
 * PostgreSQL. Everything that can refuse (the lock, the plan, the bucket, a non-empty target)
 * refuses before anything is written; the records then go over in one transaction.
 */
export function storeCopy(help: string): Command {
  return async (args, env, progress) => {
    const options = parseOptions(args, { to: { type: 'string' }, 'files-to-s3': { type: 'boolean' } }, help);
    const to = options.to;
    if (!to) throw new UsageError(`store copy needs --to with the address of a new, empty PostgreSQL database, e.g. --to "$DATABASE_URL".\n\n${help}`);
    if (!/^postgres(ql)?:\/\//.test(to)) throw new UsageError('--to must be a PostgreSQL address such as postgres://oz@db.example.ru:5432/oz');
    const filesToS3 = options['files-to-s3'] === true;
    const config = loadConfig(env);
    if (filesToS3 && !config.s3) {
      throw new UsageError('--files-to-s3 needs the bucket to copy the files to: set OZ_S3_BUCKET (and OZ_S3_ENDPOINT, OZ_S3_ACCESS_KEY_ID, … as the new deployment will have them).');
    }

    const started = Date.now();
    const target = withoutPassword(to);
    progress(`Copying the embedded store in ${config.dataDir} to ${target}`);
    const snapshot = await readLockedLowdbStore(config.dataDir);
    try {
      const plan = planCopy(snapshot.data, new Date());
      progress(`  read ${snapshot.file}: ${plan.total} records to copy`);
      const onDisk = await findFilesOnDisk(config.dataDir, plan.documents);
      if (config.s3 && !filesToS3 && onDisk.found > 0) {
        throw new UsageError(
          `OZ_S3_BUCKET is set, but the documents' files are in ${config.dataDir}/files and --files-to-s3 was not given: ` +
            'the new deployment would not find them. Add --files-to-s3 to move them to the bucket, or unset OZ_S3_* to keep them on disk.',
        );
      }
      const s3 = filesToS3 ? await openBucket(config.s3!) : null;
      const pool = pgPool({ connectionString: to, max: 2, onIdleError: () => undefined });
      try {
        const migrations = await prepareTarget(pool, to);
        progress(`  the database is empty; ${migrations > 0 ? `schema created (${migrations} migration${migrations === 1 ? '' : 's'})` : 'schema already up to date'}`);
        let copied: FilesCopied | null = null;
        if (s3) {
          progress(`  files: copying ${plan.documents.length} to the S3 bucket "${config.s3!.bucket}"`);
          copied = await copyFiles(await openDiskFileStore(config.dataDir), s3, plan.documents, progress);
        }
        progress(`  records: copying ${plan.total} in one transaction`);
        const counts = await copyRecords(pool, to, plan, progress);
        return report({ config, target, snapshotFile: snapshot.file, plan, counts, onDisk, copied, seconds: (Date.now() - started) / 1000 });
      } finally {
        await pool.end();
      }
    } finally {
      await snapshot.release();
    }
  };
}

async function openBucket(settings: S3Config): Promise<FileStore> {
  try {
    return await openS3FileStore(settings);
  } catch (error) {
    throw new StoreCopyError(`${(error as Error).message}. Nothing was copied.`);
  }
}

interface Outcome {
  config: Config;
  target: string;
  snapshotFile: string;
  plan: CopyPlan;
  counts: CopiedCount[];
  onDisk: FilesOnDisk;
  copied: FilesCopied | null;
  seconds: number;
}

function report({ config, target, snapshotFile, plan, counts, onDisk, copied, seconds }: Outcome): string {
  const labelWidth = Math.max(...counts.map((count) => count.label.length));
  const numberWidth = Math.max(...counts.map((count) => String(count.expected).length));
  const lines = [
    `Copied ${plan.total} records to ${target} in one transaction, keeping ids and write order (${seconds.toFixed(1)} s):`,
    ...counts.map(
      (count) =>
        `  ${count.label.padEnd(labelWidth)}  ${String(count.expected).padStart(numberWidth)} → ${String(count.copied).padEnd(numberWidth)} ✓${count.leftOut ? `  (${count.leftOut})` : ''}`,
    ),
  ];
  for (const adjustment of plan.adjustments) lines.push(`Adjusted in the copy: ${adjustment}.`);
  const filesDir = `${config.dataDir}/files`;
  if (plan.documents.length === 0) {
    lines.push('Files: there are no documents, so no files to move.');
  } else if (copied) {
    lines.push(`Files: ${copied.copied} copied to the S3 bucket "${config.s3!.bucket}" and read back to check their size and bytes (${megabytes(copied.bytes)}); the originals in ${filesDir} were left in place.`);
  } else if (config.s3) {
    lines.push(`Files: none is in ${filesDir}, so they are expected in the S3 bucket "${config.s3.bucket}" that OZ_S3_* names already; nothing was moved.`);
  } else {
    lines.push(`Files: they stay in ${filesDir} (${onDisk.found} of ${plan.documents.length}); the new deployment needs the same OZ_DATA_DIR=${config.dataDir}.`);
  }
  const missing = copied?.missing ?? (config.s3 ? [] : onDisk.missing);
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((document) => document.id).join(', ');
    const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
    lines.push(`Warning: ${missing.length} document${missing.length === 1 ? ' has' : 's have'} no file in ${filesDir} (missing before the copy too): ${shown}${more}.`);
  }
  lines.push(
    `Next: start the server with DATABASE_URL set to that database${config.s3 ? ' and the same OZ_S3_* settings' : ` and OZ_DATA_DIR=${config.dataDir}`}. ` +
      `${snapshotFile} was not changed: keep it as a backup, and do not start a server on it again, or the two stores would drift apart.`,
  );
  return lines.join('\n');
}
