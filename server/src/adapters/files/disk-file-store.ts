import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertFileKey, FileNotFoundError, newFileKey, type FileStore } from '../../ports/file-store.ts';

/** Files under OZ_DATA_DIR/files, named by random keys, readable only by the server's user. */
export async function openDiskFileStore(dataDir: string): Promise<FileStore> {
  const dir = join(dataDir, 'files');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pathOf = (key: string) => {
    assertFileKey(key);
    return join(dir, key);
  };
  return {
    async put(bytes) {
      const key = newFileKey();
      await writeFile(pathOf(key), bytes, { mode: 0o600, flag: 'wx' });
      return key;
    },
    async putAs(key, bytes) {
      await writeFile(pathOf(key), bytes, { mode: 0o600 });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key, { cause: error });
        throw error;
      }
    },
    // async, so a bad key rejects like every other failure instead of throwing before a promise exists.
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
