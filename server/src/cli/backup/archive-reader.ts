import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Member } from './archive-format.ts';
import { countingStream } from './counting-stream.ts';

export interface OpenArchive {
  /** Every member by name, from the central directory. */
  entries: Map<string, Entry>;
  /** Names that occur more than once: a backup never has any. */
  duplicates: string[];
  /** Streams one member into `sink` (or nowhere), returning its size and SHA-256 as read. */
  readMember(name: string, sink?: Writable): Promise<Member>;
  /** The member whole in memory (the manifest, the store file). */
  readMemberBytes(name: string): Promise<{ member: Member; bytes: Buffer }>;
  close(): void;
}

/** Opens a ZIP for reading members in any order (yauzl, from the file: members are never all in memory). */
export async function openArchive(path: string): Promise<OpenArchive> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    // yauzl checks every entry's size against the directory and refuses unsafe names (../, absolute).
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, opened) =>
      error || !opened ? reject(error ?? new Error('not a ZIP file')) : resolve(opened),
    ),
  );
  try {
    const { entries, duplicates } = await listEntries(zip);
    const readMember = async (name: string, sink?: Writable): Promise<Member> => {
      const entry = entries.get(name);
      if (!entry) throw new Error(`${name} is not in the archive`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) => (error || !opened ? reject(error ?? new Error('no stream')) : resolve(opened))),
      );
      const { stream: counted, sums } = countingStream();
      await pipeline(stream, counted, sink ?? discard());
      return { name, ...sums() };
    };
    return {
      entries,
      duplicates,
      readMember,
      async readMemberBytes(name) {
        const chunks: Buffer[] = [];
        const collect = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        });
        const member = await readMember(name, collect);
        return { member, bytes: Buffer.concat(chunks) };
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

async function listEntries(zip: ZipFile): Promise<{ entries: Map<string, Entry>; duplicates: string[] }> {
  const entries = new Map<string, Entry>();
  const duplicates: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (entries.has(entry.fileName)) duplicates.push(entry.fileName);
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return { entries, duplicates };
}
