import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Bounds on a ZIP of DICOM files: it is checked, never unpacked, but a doctor will unpack it. */
export interface DicomZipLimits {
  maxFiles: number;
  /** The sum of the files' unpacked sizes, as the ZIP declares them (a "zip bomb" declares huge ones). */
  maxUnpackedBytes: number;
}

export type DicomZipProblem =
  | { reason: 'zip_unreadable' }
  | { reason: 'zip_encrypted'; entry: string }
  | { reason: 'zip_not_dicom'; entry: string }
  | { reason: 'zip_empty' }
  | { reason: 'zip_too_many_files'; limit: number }
  | { reason: 'zip_too_large'; limit: number };

/** The 128-byte preamble, then "DICM" (DICOM part 10); DICOMDIR has it too. */
const DICOM_MAGIC_END = 132;

/**
 * Names a doctor's computer would run or render when the study is unpacked. DICOM files carry
 * no extension or a UID ("1.2.840….256"), so only the dangerous endings are refused.
 */
const RUNNABLE = /\.(exe|com|bat|cmd|scr|pif|msi|msp|dll|cpl|js|jse|mjs|vbs|vbe|wsf|wsh|hta|ps1|psm1|lnk|reg|jar|html?|xhtml|svg|sh|command|app|url|iso|apk)$/i;

/** A DICOM preamble that starts like a program or a page: a file with two faces (CVE-2019-11687). */
function startsRunnable(start: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(start.subarray(0, 4));
  return head.startsWith('MZ') || head === '\x7fELF' || head.startsWith('#!') || head.trimStart().startsWith('<');
}

/** What operating systems add to archives; harmless, and no reason to refuse a study. */
const isSystemClutter = (name: string) => /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i.test(name);

/**
 * Reads the ZIP's directory and the first 132 bytes of each file: every file must be DICOM.
 * Nothing is inflated beyond that, so a file that would unpack to gigabytes costs nothing here.
 */
export async function checkDicomZip(bytes: Uint8Array, limits: DicomZipLimits): Promise<{ files: number } | DicomZipProblem> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return { reason: 'zip_unreadable' };
  }
  try {
    let files = 0;
    let unpacked = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/') || isSystemClutter(entry.fileName)) continue;
      files += 1;
      unpacked += entry.uncompressedSize;
      if (files > limits.maxFiles) return { reason: 'zip_too_many_files', limit: limits.maxFiles };
      if (unpacked > limits.maxUnpackedBytes) return { reason: 'zip_too_large', limit: limits.maxUnpackedBytes };
      if (entry.isEncrypted()) return { reason: 'zip_encrypted', entry: entry.fileName };
      if (RUNNABLE.test(entry.fileName) || entry.uncompressedSize < DICOM_MAGIC_END) return { reason: 'zip_not_dicom', entry: entry.fileName };
      const start = await readStart(zip, entry);
      if (!isDicom(start) || startsRunnable(start)) return { reason: 'zip_not_dicom', entry: entry.fileName };
    }
    return files === 0 ? { reason: 'zip_empty' } : { files };
  } catch {
    return { reason: 'zip_unreadable' };
  } finally {
    zip.close();
  }
}

function isDicom(start: Uint8Array): boolean {
  return start.length >= DICOM_MAGIC_END && new TextDecoder('latin1').decode(start.subarray(128, DICOM_MAGIC_END)) === 'DICM';
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    );
  });
}

/** The next entry, or null at the end of the directory. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
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

/** The first 132 bytes of an entry, inflating no more than needed. */
function readStart(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let length = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        stream.removeAllListeners('data');
        stream.destroy();
        resolve(new Uint8Array(Buffer.concat(chunks, length).subarray(0, DICOM_MAGIC_END)));
      };
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= DICOM_MAGIC_END) finish();
      });
      stream.on('end', finish);
      stream.on('error', (streamError) => (done ? undefined : ((done = true), reject(streamError))));
    });
  });
}
