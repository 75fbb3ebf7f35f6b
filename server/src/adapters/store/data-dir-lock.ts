import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `The data directory ${dir} is in use by another process (pid ${pid}), probably the running server. ` +
        'Stop it first: the embedded store allows one process at a time.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Locks this process holds: its own pid in a lock file it does not hold means a stale, reused pid. */
const heldHere = new Set<string>();

/**
 * lowdb keeps the whole store in one process's memory, so a second writer (the CLI while the
 * server runs) would silently lose updates. A pid lock file turns that into a clear error.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, 'oz.lock');
  if (heldHere.has(file)) throw new DataDirLockedError(dir, process.pid);
  for (;;) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      heldHere.add(file);
      return async () => {
        heldHere.delete(file);
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new DataDirLockedError(dir, holder);
    }
    // A stale lock left by a process that died: take it over.
    await unlink(file).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
