import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import yazl from 'yazl';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { SAMPLE_FILES, upload } from './fixtures.ts';

type ZipEntry = { name: string; bytes: Uint8Array; compress?: boolean };

/** A ZIP as a disc-burning tool or the operating system makes it. */
function zip(entries: ZipEntry[], options: { directories?: string[] } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const archive = new yazl.ZipFile();
  for (const directory of options.directories ?? []) archive.addEmptyDirectory(directory);
  for (const entry of entries) archive.addBuffer(Buffer.from(entry.bytes), entry.name, { compress: entry.compress ?? true });
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    archive.outputStream.on('error', reject);
  });
}

/** A DICOM slice of `size` bytes: the preamble, "DICM", then pixel-like data. */
function slice(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(SAMPLE_FILES.dicom().subarray(0, 132));
  for (let i = 132; i < size; i += 1) bytes[i] = (i * 7) % 251;
  return bytes;
}

/**
 * The same ZIP, its entries claiming to unpack to `size` bytes (in the central directory, which
 * readers go by, and in each local header): what a crafted "zip bomb" does to pass a check of sizes.
 */
function declaringSize(archive: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const copy = archive.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 46 <= copy.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true); // central directory: uncompressed size
    if (signature === 0x04034b50 && view.getUint32(at + 22, true) !== 0) view.setUint32(at + 22, size, true); // local header
  }
  return copy;
}

function withStart(bytes: Uint8Array, start: string): Uint8Array {
  const copy = bytes.slice();
  copy.set(new TextEncoder().encode(start));
  return copy;
}

const uploadZip = (server: TestServer, token: string, bytes: Uint8Array<ArrayBuffer>) =>
  upload(server, token, 'ct', bytes, 'КТ грудной клетки.zip', 'application/zip');

describe('ZIP of DICOM files (a CT or MRI study)', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({ OZ_MAX_UPLOAD_MB: '1' });
    token = (await registerPatient(server)).token;
  });
  after(() => server.close());

  it('accepts a study of DICOM files in folders, with DICOMDIR and the clutter systems add, and serves it as a ZIP attachment', async () => {
    const study = await zip(
      [
        { name: 'DICOMDIR', bytes: slice(600) },
        ...Array.from({ length: 40 }, (_, i) => ({ name: `DICOM/ST000001/SE000001/IM${String(i).padStart(6, '0')}`, bytes: slice(), compress: i % 2 === 0 })),
        { name: '__MACOSX/DICOM/._IM000000', bytes: new Uint8Array([0, 5, 22, 7]) },
        { name: 'DICOM/.DS_Store', bytes: new Uint8Array([0, 0, 0, 1]) },
      ],
      { directories: ['DICOM/', 'DICOM/ST000001/'] },
    );
    const response = await uploadZip(server, token, study);
    assert.equal(response.status, 201, await response.clone().text());
    const document = (await response.json()) as { id: string; mediaType: string; kind: string };
    assert.deepEqual([document.mediaType, document.kind], ['application/zip', 'ct']);
    const content = await server.request(`/api/v1/documents/${document.id}/content`, { token });
    assert.equal(content.headers.get('Content-Type'), 'application/zip');
    assert.match(content.headers.get('Content-Disposition') ?? '', /^attachment;/);
    assert.deepEqual(new Uint8Array(await content.arrayBuffer()), study, 'stored as uploaded');
  });

  it('refuses a ZIP with anything but DICOM in it, naming the file, and stores nothing', async () => {
    const filesBefore = (await readdir(join(server.dataDir, 'files'))).length;
    const cases: [string, ZipEntry[]][] = [
      ['a viewer program', [{ name: 'IM000001', bytes: slice() }, { name: 'Viewer/viewer.exe', bytes: SAMPLE_FILES.exe() }]],
      ['a web page', [{ name: 'index.html', bytes: SAMPLE_FILES.html() }]],
      ['a ZIP inside', [{ name: 'inner.zip', bytes: await zip([{ name: 'IM1', bytes: slice() }]) }]],
      ['a tiny file', [{ name: 'IM000001', bytes: slice().subarray(0, 100) }]],
      ['a program that is DICOM too', [{ name: 'study/Запустите_просмотрщик.exe', bytes: slice() }]],
      ['a DICOM file that starts like a program', [{ name: 'study/IM000002', bytes: withStart(slice(), 'MZ\x90\x00') }]],
      ['a DICOM file that starts like a page', [{ name: 'study/IM000003', bytes: withStart(slice(), '<html><script>') }]],
    ];
    for (const [what, entries] of cases) {
      const response = await uploadZip(server, token, await zip(entries));
      assert.equal(response.status, 415, what);
      const error = await errorOf(response);
      assert.equal(error.code, 'unsupported_media_type', what);
      assert.equal(error.details?.['reason'], 'zip_not_dicom', what);
      assert.equal(error.details?.['entry'], entries.at(-1)!.name, what);
    }
    const empty = await uploadZip(server, token, await zip([], { directories: ['DICOM/'] }));
    assert.equal((await errorOf(empty)).details?.['reason'], 'zip_empty');
    const damaged = (await zip([{ name: 'IM1', bytes: slice() }])).slice(0, 200);
    const broken = await uploadZip(server, token, damaged);
    assert.equal(broken.status, 415);
    assert.equal((await readdir(join(server.dataDir, 'files'))).length, filesBefore);
  });

  it('refuses a ZIP that would unpack to more than ten times the upload limit, without unpacking it', async () => {
    // Zeros compress about a thousandfold: 12 MB of them make a small upload that a doctor's disk would pay for.
    const bomb = new Uint8Array(12 * 1024 * 1024);
    bomb.set(slice(200));
    const response = await uploadZip(server, token, await zip([{ name: 'IM000001', bytes: bomb }]));
    assert.equal(response.status, 413);
    const error = await errorOf(response);
    assert.deepEqual([error.code, error.details?.['reason']], ['payload_too_large', 'zip_too_large']);
  });

  it('counts what a ZIP really unpacks to: a file that says 64 kB but inflates to 12 MB is refused, and nothing is stored', async () => {
    const bomb = new Uint8Array(12 * 1024 * 1024);
    bomb.set(slice(200));
    const lying = declaringSize(await zip([{ name: 'IM000001', bytes: bomb }]), 64 * 1024);
    assert.ok(lying.length < 100 * 1024, 'a small upload');
    const filesBefore = (await readdir(join(server.dataDir, 'files'))).length;
    const response = await uploadZip(server, token, lying);
    assert.equal(response.status, 413);
    const error = await errorOf(response);
    assert.deepEqual([error.code, error.details?.['reason']], ['payload_too_large', 'zip_too_large']);
    assert.equal((await readdir(join(server.dataDir, 'files'))).length, filesBefore);
  });

  it('refuses a ZIP whose file is shorter than it says (damaged)', async () => {
    const damaged = declaringSize(await zip([{ name: 'IM000001', bytes: slice(4096) }]), 8192);
    const response = await uploadZip(server, token, damaged);
    assert.equal((await errorOf(response)).details?.['reason'], 'zip_unreadable');
  });

  it('refuses a ZIP of more than 5000 files', async () => {
    const tiny = slice(132);
    const entries = Array.from({ length: 5001 }, (_, i) => ({ name: String(i), bytes: tiny }));
    const response = await uploadZip(server, token, await zip(entries));
    assert.equal(response.status, 413);
    assert.deepEqual((await errorOf(response)).details, { reason: 'zip_too_many_files', limit: 5000 });
  });
});
