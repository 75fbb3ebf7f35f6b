import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { FILE_KEY, FileNotFoundError, type FileStore } from '../src/ports/file-store.ts';

export interface OpenedFileStore {
  files: FileStore;
  close(): Promise<void>;
}

const newKey = () => randomBytes(16).toString('hex');

/** What every FileStore adapter promises; each adapter's test runs this suite against it. */
export function describeFileStoreContract(name: string, open: () => Promise<OpenedFileStore>): void {
  describe(`FileStore contract: ${name}`, () => {
    let opened: OpenedFileStore;
    let files: FileStore;
    before(async () => {
      opened = await open();
      files = opened.files;
    });
    after(() => opened?.close());

    it('gives back exactly the bytes it stored: every byte value, and 5 MB', async () => {
      const everyByte = Uint8Array.from({ length: 512 }, (_, index) => index % 256);
      const large = new Uint8Array(randomBytes(5 * 1024 * 1024));
      for (const bytes of [everyByte, large]) {
        const key = await files.put(bytes);
        const back = await files.get(key);
        assert.equal(back.byteLength, bytes.byteLength);
        assert.ok(Buffer.from(back).equals(Buffer.from(bytes)), 'the same bytes');
      }
    });

    it('generates a new key of 32 hex characters for every file, even for the same bytes', async () => {
      const bytes = new TextEncoder().encode('same content');
      const keys = [await files.put(bytes), await files.put(bytes)];
      for (const key of keys) assert.match(key, FILE_KEY);
      assert.notEqual(keys[0], keys[1]);
    });

    it('stores under a given key with putAs, and putAs again replaces the bytes', async () => {
      const key = newKey();
      await files.putAs(key, Uint8Array.from([1, 2, 3]));
      assert.deepEqual(await files.get(key), Uint8Array.from([1, 2, 3]));
      await files.putAs(key, Uint8Array.from([4, 5]));
      assert.deepEqual(await files.get(key), Uint8Array.from([4, 5]));
    });

    it('takes back a key that put generated, as a migration between stores would', async () => {
      const key = await files.put(Uint8Array.from([9]));
      await files.delete(key);
      await files.putAs(key, Uint8Array.from([9, 9]));
      assert.deepEqual(await files.get(key), Uint8Array.from([9, 9]));
    });

    it('refuses any key that put could not have made, for every operation', async () => {
      const good = newKey();
      const bad = ['', 'a'.repeat(31), 'a'.repeat(33), good.toUpperCase(), `../${good.slice(3)}`, `${good.slice(1)}/`, `x${good.slice(1)}`];
      for (const key of bad) {
        await assert.rejects(files.putAs(key, Uint8Array.from([1])), /Invalid file key/, `putAs ${JSON.stringify(key)}`);
        await assert.rejects(files.get(key), /Invalid file key/, `get ${JSON.stringify(key)}`);
        await assert.rejects(files.delete(key), /Invalid file key/, `delete ${JSON.stringify(key)}`);
      }
    });

    it('rejects get of a key that holds nothing with FileNotFoundError', async () => {
      await assert.rejects(files.get(newKey()), FileNotFoundError);
    });

    it('deletes only the one file; get then rejects with FileNotFoundError and a second delete is a no-op', async () => {
      const doomed = await files.put(Uint8Array.from([1]));
      const kept = await files.put(Uint8Array.from([2]));
      await files.delete(doomed);
      await assert.rejects(files.get(doomed), FileNotFoundError);
      await files.delete(doomed);
      assert.deepEqual(await files.get(kept), Uint8Array.from([2]));
    });

    it('keeps concurrent puts apart', async () => {
      const contents = Array.from({ length: 20 }, (_, index) => new TextEncoder().encode(`file number ${index}`));
      const keys = await Promise.all(contents.map((bytes) => files.put(bytes)));
      assert.equal(new Set(keys).size, keys.length);
      const back = await Promise.all(keys.map((key) => files.get(key)));
      back.forEach((bytes, index) => assert.deepEqual(bytes, contents[index]));
    });
  });
}
