import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Reading a ZIP entry by entry, counting what really inflates (DICOM studies, XLSX workbooks). */

export function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    // Entry sizes are checked by inflateEntry, which stops at the first byte too many (yauzl's own
    // check would only say that something was wrong).
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    );
  });
}

/** The next entry, or null at the end of the directory. */
export function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/**
 * Inflates an entry to its end, keeping its first `keep` bytes and counting the rest (never held):
 * 'too-large' at the first byte past its declared size or past `budget` (then nothing more is
 * inflated), so an entry that lies about its size costs no more than the budget.
 */
export function inflateEntry(zip: ZipFile, entry: Entry, budget: number, keep = 0): Promise<{ start: Uint8Array; size: number } | 'too-large'> {
  const allowed = Math.min(entry.uncompressedSize, budget);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const start = new Uint8Array(keep);
      let size = 0;
      let done = false;
      const settle = (result: { start: Uint8Array; size: number } | 'too-large') => {
        if (done) return;
        done = true;
        stream.removeAllListeners('data');
        stream.destroy();
        resolve(result);
      };
      stream.on('data', (chunk: Buffer) => {
        if (size < keep) start.set(chunk.subarray(0, keep - size), size);
        size += chunk.length;
        if (size > allowed) settle('too-large');
      });
      stream.on('end', () => settle({ start: start.subarray(0, Math.min(size, keep)), size }));
      stream.on('error', (streamError) => (done ? undefined : ((done = true), reject(streamError))));
    });
  });
}

/**
 * What the whole archive really inflates to, every entry inflated and counted (never held):
 * 'too-large' at the first byte past `budget`, before anything else unpacks it.
 */
export async function unpackedSize(bytes: Uint8Array, budget: number): Promise<number | 'too-large'> {
  const zip = await openZip(bytes);
  try {
    let total = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (total + entry.uncompressedSize > budget) return 'too-large';
      const read = await inflateEntry(zip, entry, budget - total);
      if (read === 'too-large') return 'too-large';
      total += read.size;
    }
    return total;
  } finally {
    zip.close();
  }
}
