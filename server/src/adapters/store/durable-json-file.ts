import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';

export class StoreCorruptError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(
      `The data file ${file} is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'It was left untouched: restore it from a backup or move it away to start with an empty store.',
    );
    this.name = 'StoreCorruptError';
  }
}

/**
 * A lowdb adapter that replaces the file atomically and durably: write a temporary file in the
 * same folder, fsync it, rename it over the old one, fsync the folder. A crash leaves either the
 * old or the new file, never half of one (lowdb's own JSONFile skips the fsyncs).
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new StoreCorruptError(this.file, error);
    }
  }

  async write(data: T): Promise<void> {
    const temp = join(dirname(this.file), `.${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temp, this.file);
    await syncDirectory(dirname(this.file));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
