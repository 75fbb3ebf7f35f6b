import type { ZipFile } from 'yauzl';
import { inflateEntry, nextEntry, openZip } from './zip-entries.ts';

/** Bounds on a ZIP of DICOM files: it is checked, never unpacked, but a doctor will unpack it. */
export interface DicomZipLimits {
  maxFiles: number;
  /**
   * The sum of the files' unpacked sizes: as the ZIP declares them (a "zip bomb" declares huge
   * ones), and as they really inflate (one that lies about its sizes stops here too).
   */
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
 * Reads the ZIP's directory, then inflates each file, counting: every file must be DICOM, no file
 * may unpack to more than its entry says, and all together to no more than the limit. What is
 * inflated is counted and dropped as it comes (never held), and reading stops at the first byte
 * over a limit, so a file that would unpack to gigabytes costs no more than the limit.
 */
export async function checkDicomZip(bytes: Uint8Array, limits: DicomZipLimits): Promise<{ files: number } | DicomZipProblem> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return { reason: 'zip_unreadable' };
  }
  const tooLarge: DicomZipProblem = { reason: 'zip_too_large', limit: limits.maxUnpackedBytes };
  try {
    let files = 0;
    let declared = 0;
    let inflated = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/') || isSystemClutter(entry.fileName)) continue;
      files += 1;
      declared += entry.uncompressedSize;
      if (files > limits.maxFiles) return { reason: 'zip_too_many_files', limit: limits.maxFiles };
      if (declared > limits.maxUnpackedBytes) return tooLarge;
      if (entry.isEncrypted()) return { reason: 'zip_encrypted', entry: entry.fileName };
      if (RUNNABLE.test(entry.fileName) || entry.uncompressedSize < DICOM_MAGIC_END) return { reason: 'zip_not_dicom', entry: entry.fileName };
      const read = await inflateEntry(zip, entry, limits.maxUnpackedBytes - inflated, DICOM_MAGIC_END);
      if (read === 'too-large') return tooLarge;
      if (read.size !== entry.uncompressedSize) return { reason: 'zip_unreadable' };
      inflated += read.size;
      if (!isDicom(read.start) || startsRunnable(read.start)) return { reason: 'zip_not_dicom', entry: entry.fileName };
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
