import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileStore } from '../../ports/file-store.ts';

const KEY = /^[a-f0-9]{32}$/;

/** Files under OZ_DATA_DIR/files, named by random keys, readable only by the server's user. */
export async function openDiskFileStore(dataDir: string): Promise<FileStore> {
  const dir = join(dataDir, 'files');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('Invalid file key');
    return join(dir, key);
  };
  return {
    async put(bytes) {
      const key = randomBytes(16).toString('hex');
      await writeFile(pathOf(key), bytes, { mode: 0o600, flag: 'wx' });
      return key;
    },
    get: async (key) => new Uint8Array(await readFile(pathOf(key))),
    delete: (key) => rm(pathOf(key), { force: true }),
  };
}
