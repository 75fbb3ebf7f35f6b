import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { BackupError, type Member } from './archive-format.ts';
import { countingStream } from './counting-stream.ts';

export interface ArchiveWriter {
  /** Adds bytes already in memory. */
  addBuffer(name: string, bytes: Uint8Array): Member;
  /** Adds a stream; resolves once the archive has taken all of it, with its size and SHA-256. */
  addStream(name: string, source: Readable): Promise<Member>;
}

/**
 * Writes a ZIP to a temporary file beside `target` (mode 0600: it holds personal data), fsyncs it
 * and only then puts it under the target name, so a failed or interrupted run never leaves a
 * partial archive there. Without `overwrite` an existing target is never replaced, even one that
 * appeared while the archive was written. Returns the archive's size.
 */
export async function writeArchiveAtomically(target: string, overwrite: boolean, fill: (archive: ArchiveWriter) => Promise<void>): Promise<number> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const zip = new yazl.ZipFile();
  // One time for every member: the archive does not tell when each file was read.
  const mtime = new Date();
  const written = pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
  // A failing disk must stop the members waiting to be taken, not leave them waiting.
  const writeFailed = written.then(
    () => new Promise<never>(() => undefined),
    (error: unknown) => Promise.reject(error),
  );
  writeFailed.catch(() => undefined);

  const archive: ArchiveWriter = {
    addBuffer(name, bytes) {
      zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { mtime, mode: 0o600 });
      return { name, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    async addStream(name, source) {
      const { stream: counted, sums } = countingStream();
      // 'end' comes once yazl has read the last byte, so the sums are final.
      const taken = new Promise<void>((resolve, reject) => {
        counted.once('end', resolve);
        counted.once('error', reject);
        source.once('error', reject);
      });
      source.pipe(counted);
      zip.addReadStream(counted, name, { mtime, mode: 0o600 });
      try {
        await Promise.race([taken, writeFailed]);
      } catch (error) {
        source.destroy();
        throw error;
      }
      return { name, ...sums() };
    },
  };

  try {
    await Promise.race([fill(archive), writeFailed]);
    zip.end();
    await written;
    await fsyncFile(temp);
    if (overwrite) await rename(temp, target);
    else await renameWithoutReplacing(temp, target);
  } catch (error) {
    zip.outputStream.unpipe();
    (zip.outputStream as Readable).destroy?.();
    await written.catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncFile(dirname(target)).catch(() => undefined); // the new name itself; not every system allows it
  return (await stat(target)).size;
}

/** link() fails with EEXIST instead of replacing what is there; then the temporary name goes. */
async function renameWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError(`${target} appeared while the backup was written; it was left as it is. Run again with --force to replace it.`);
    // A file system without hard links: check, then rename (a narrow window instead of none).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (await stat(target).then(() => true, () => false)) throw new BackupError(`${target} appeared while the backup was written; it was left as it is. Run again with --force to replace it.`);
    await rename(temp, target);
    return;
  }
  await unlink(temp);
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
