import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { runCli, UsageError } from '../src/cli/main.ts';
import { backupEmbeddedStore } from '../src/cli/backup/backup.ts';
import { restoreEmbeddedStore } from '../src/cli/backup/restore.ts';
import { BackupError, MANIFEST_MEMBER, STORE_MEMBER, type Manifest } from '../src/cli/backup/archive-format.ts';
import { openArchive } from '../src/cli/backup/archive-reader.ts';
import { STORE_FILE_NAME } from '../src/adapters/store/lowdb-store.ts';
import type { StoreData } from '../src/adapters/store/lowdb-repositories.ts';
import { startTestServer } from './helpers.ts';
import { upload } from './fixtures.ts';
import { buildWorld, ok, type World } from './store-copy-fixtures.ts';

const quiet = () => undefined;

/** A PDF by its magic bytes, the rest random: deflate cannot shrink it, so its bytes show in the archive as they are. */
function randomPdf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'), 0);
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const readStore = async (dataDir: string) => JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')) as StoreData;

/** Every file under `dir` with the SHA-256 of its content: what "nothing changed" compares. */
async function contentsOf(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = sha256(await readFile(path));
  }
  return files;
}

async function readManifest(archive: string): Promise<Manifest> {
  const opened = await openArchive(archive);
  try {
    return JSON.parse((await opened.readMemberBytes(MANIFEST_MEMBER)).bytes.toString('utf8')) as Manifest;
  } finally {
    opened.close();
  }
}

async function archivedStore(archive: string): Promise<StoreData> {
  const opened = await openArchive(archive);
  try {
    return JSON.parse((await opened.readMemberBytes(STORE_MEMBER)).bytes.toString('utf8')) as StoreData;
  } finally {
    opened.close();
  }
}

describe('backup and restore of the embedded store', () => {
  let root: string;
  let world: World;
  /** A document of its own (attached to no application, so it may be deleted) with incompressible content. */
  let scan: { id: string; bytes: Uint8Array };
  let counter = 0;
  const fresh = (name: string) => join(root, `${name}-${++counter}`);
  /** A copy of the world's data directory, for a test that changes it. */
  const copyOfWorld = async () => {
    const dir = fresh('data');
    await cp(world.dataDir, dir, { recursive: true });
    return dir;
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'oz-backup-'));
    world = await buildWorld(join(root, 'world'));
    const server = await startTestServer({ OZ_DATA_DIR: world.dataDir });
    try {
      const bytes = randomPdf(256 * 1024);
      const response = await ok(upload(server, world.patient.token, 'ecg', bytes, 'скан.pdf'));
      scan = { id: ((await response.json()) as { id: string }).id, bytes };
    } finally {
      await server.close();
    }
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('round trip: every record and every file comes back byte for byte, and the server opens it', async () => {
    const source = await copyOfWorld();
    const storeText = await readFile(join(source, STORE_FILE_NAME), 'utf8');
    const data = JSON.parse(storeText) as StoreData;
    assert.ok(data.documents.length >= 4 && data.users.length >= 3 && data.messages.length >= 2, 'the world has documents, users and messages');
    const archive = fresh('oz.zip');

    const output = await runCli(['backup', archive], { OZ_DATA_DIR: source }, quiet);
    assert.match(output, new RegExp(`Backed up \\d+ records and ${data.documents.length} files`));
    assert.equal((await stat(archive)).mode & 0o777, 0o600, 'the archive holds personal data: only its owner reads it');
    const manifest = await readManifest(archive);
    assert.equal(manifest.records.users, data.users.length);
    assert.equal(manifest.records.documents, data.documents.length);
    assert.equal(manifest.files.count, data.documents.length);
    for (const document of data.documents) {
      const member = manifest.members.find((candidate) => candidate.name === `files/${document.storageKey}`);
      assert.equal(member?.sha256, sha256(await readFile(join(source, 'files', document.storageKey))));
    }

    const target = join(fresh('restored'), 'data'); // does not exist yet
    const restored = await runCli(['restore', archive], { OZ_DATA_DIR: target }, quiet);
    assert.match(restored, /every file's SHA-256 matched/);
    assert.equal(await readFile(join(target, STORE_FILE_NAME), 'utf8'), storeText, 'the store file is byte-identical');
    assert.deepEqual(await contentsOf(join(target, 'files')), await contentsOf(join(source, 'files')), 'the same files with the same bytes');

    const server = await startTestServer({ OZ_DATA_DIR: target });
    try {
      const login = await ok(server.request('/api/v1/auth/login', { json: { phone: world.patient.phone, password: world.patient.password } }));
      const { token } = (await login.json()) as { token: string };
      const content = await ok(server.request(`/api/v1/documents/${scan.id}/content`, { token }));
      assert.deepEqual(new Uint8Array(await content.arrayBuffer()), scan.bytes);
      const consultation = await ok(server.request(`/api/v1/consultations/${world.applicationConsultationId}`, { token }));
      assert.ok(consultation.ok);
    } finally {
      await server.close();
    }
  });

  it('backs up while the server runs and holds the data directory; a restore there is refused', async () => {
    const source = await copyOfWorld();
    const server = await startTestServer({ OZ_DATA_DIR: source });
    try {
      const archive = fresh('live.zip');
      await runCli(['backup', archive], { OZ_DATA_DIR: source }, quiet);
      assert.equal((await archivedStore(archive)).documents.length, (await readStore(source)).documents.length);

      const before = await contentsOf(source);
      await assert.rejects(runCli(['restore', '--force', archive], { OZ_DATA_DIR: source }, quiet), /in use by another process[\s\S]*Stop it first/);
      assert.deepEqual(await contentsOf(source), before, 'nothing changed');
      // The server still works on its store.
      await ok(server.request('/api/v1/documents', { token: world.patient.token }));
    } finally {
      await server.close();
    }
  });

  it('a document deleted during the backup is left out of it and named; the rest restores', async () => {
    const source = await copyOfWorld();
    const server = await startTestServer({ OZ_DATA_DIR: source });
    const archive = fresh('racing.zip');
    let uploadedMeanwhile = '';
    try {
      const outcome = await backupEmbeddedStore({
        dataDir: source,
        target: archive,
        force: false,
        progress: quiet,
        // After the store file was read, before the scan's file is opened: the patient deletes it,
        // and uploads another (its record is not in the state read, so neither is its file).
        beforeEachFile: async (document) => {
          if (document.id !== scan.id) return;
          await ok(server.request(`/api/v1/documents/${scan.id}`, { method: 'DELETE', token: world.patient.token }));
          const uploaded = await ok(upload(server, world.patient.token, 'ecg', randomPdf(1024), 'новый.pdf'));
          uploadedMeanwhile = ((await uploaded.json()) as { id: string }).id;
        },
      });
      assert.deepEqual(outcome.deleted, [scan.id]);
      assert.deepEqual(outcome.withoutFile, []);
      assert.equal(outcome.manifest.deletedDuringBackup, 1);
    } finally {
      await server.close();
    }
    const stored = await archivedStore(archive);
    assert.ok(!stored.documents.some((document) => document.id === scan.id), 'no record without its file');
    assert.ok(uploadedMeanwhile && !stored.documents.some((document) => document.id === uploadedMeanwhile), 'the state read, not a later one');
    assert.equal(stored.documents.length, (await readStore(source)).documents.length - 1);
    assert.equal((await readManifest(archive)).files.count, stored.documents.length, 'exactly the files of the records in it');

    const target = fresh('restored');
    await restoreEmbeddedStore({ dataDir: target, archive, force: false, progress: quiet });
    assert.deepEqual(await readStore(target), stored);
  });

  it('a document whose file was missing before keeps its record and is reported', async () => {
    const source = await copyOfWorld();
    const lost = (await readStore(source)).documents.find((document) => document.id !== scan.id)!;
    await unlink(join(source, 'files', lost.storageKey));
    const archive = fresh('lost.zip');
    const output = await runCli(['backup', archive], { OZ_DATA_DIR: source }, quiet);
    assert.match(output, new RegExp(`Warning: 1 document has no file[\\s\\S]*${lost.id}`));
    assert.deepEqual((await readManifest(archive)).missingFiles, [lost.storageKey]);
    assert.ok((await archivedStore(archive)).documents.some((document) => document.id === lost.id));
    const target = fresh('restored');
    await restoreEmbeddedStore({ dataDir: target, archive, force: false, progress: quiet });
    assert.deepEqual(await readStore(target), await readStore(source));
  });

  it('refuses a damaged archive (one byte changed, or cut short) and changes nothing', async () => {
    const source = await copyOfWorld();
    const archive = fresh('good.zip');
    await backupEmbeddedStore({ dataDir: source, target: archive, force: false, progress: quiet });
    const bytes = await readFile(archive);
    // The scan's content lies in the archive as it is (random bytes stay stored): change one byte in its middle.
    const at = bytes.indexOf(Buffer.from(scan.bytes.subarray(100_000, 100_032)));
    assert.ok(at > 0, "the scan's bytes are in the archive");
    const flipped = Buffer.from(bytes);
    flipped[at + 7] = flipped[at + 7]! ^ 0x01;
    const damaged = fresh('flipped.zip');
    await writeFile(damaged, flipped);
    const cut = fresh('cut.zip');
    await writeFile(cut, bytes.subarray(0, bytes.length - 200));

    // A store that holds records, restored over with --force: it must survive a refused restore untouched.
    const target = await copyOfWorld();
    const before = await contentsOf(target);
    for (const bad of [damaged, cut]) {
      await assert.rejects(
        restoreEmbeddedStore({ dataDir: target, archive: bad, force: true, progress: quiet }),
        (error: unknown) => error instanceof BackupError && /damaged[\s\S]*nothing was changed/.test(error.message),
      );
      assert.deepEqual(await contentsOf(target), before, `nothing changed after ${relative(root, bad)}`);
    }
    await assert.rejects(runCli(['restore', '--force', damaged], { OZ_DATA_DIR: target }, quiet), /files\/[a-f0-9]{32} is not what was backed up/);
    // Into a folder that does not exist: not even the folder is made.
    const nowhere = fresh('never');
    await assert.rejects(restoreEmbeddedStore({ dataDir: nowhere, archive: damaged, force: false, progress: quiet }), BackupError);
    await assert.rejects(stat(nowhere), { code: 'ENOENT' });
  });

  it('never overwrites without --force: neither an existing backup file nor a store that holds records', async () => {
    const source = await copyOfWorld();
    const archive = fresh('taken.zip');
    await writeFile(archive, 'an older backup');
    await assert.rejects(runCli(['backup', archive], { OZ_DATA_DIR: source }, quiet), (error: unknown) => error instanceof BackupError && /already exists[\s\S]*--force/.test(error.message));
    assert.equal(await readFile(archive, 'utf8'), 'an older backup');
    await runCli(['backup', '--force', archive], { OZ_DATA_DIR: source }, quiet);
    assert.equal((await readManifest(archive)).records.users, (await readStore(source)).users.length);
    assert.deepEqual((await readdir(root)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left beside it');

    // A store with other records (one manager) and a file of its own.
    const target = fresh('other');
    const extraKey = 'f'.repeat(32);
    await runCli(['staff', 'add', '--role', 'manager', '--phone', '+79211009999', '--password', 'manager secret', '--name', 'М'], { OZ_DATA_DIR: target }, quiet);
    await mkdir(join(target, 'files'));
    await writeFile(join(target, 'files', extraKey), 'a file the backup does not name');
    const oldStore = await readFile(join(target, STORE_FILE_NAME), 'utf8');

    await assert.rejects(
      runCli(['restore', archive], { OZ_DATA_DIR: target }, quiet),
      (error: unknown) => error instanceof BackupError && /already holds a store with 1 record and 1 file;[\s\S]*--force/.test(error.message),
    );
    assert.equal(await readFile(join(target, STORE_FILE_NAME), 'utf8'), oldStore, 'nothing changed');

    const output = await runCli(['restore', '--force', archive], { OZ_DATA_DIR: target }, quiet);
    assert.match(output, /The store it replaced is kept as .*oz-store\.json\.before-restore-/);
    assert.match(output, /1 file already in .* was left in place/);
    const kept = (await readdir(target)).filter((name) => name.startsWith(`${STORE_FILE_NAME}.before-restore-`));
    assert.equal(kept.length, 1);
    assert.equal(await readFile(join(target, kept[0]!), 'utf8'), oldStore, 'the old store is kept as it was');
    assert.deepEqual(await readStore(target), await readStore(source));
    assert.equal(await readFile(join(target, 'files', extraKey), 'utf8'), 'a file the backup does not name');
  });

  it('a backup that fails leaves no file under the target name', async () => {
    const source = await copyOfWorld();
    const archive = fresh('failing.zip');
    let calls = 0;
    await assert.rejects(
      backupEmbeddedStore({
        dataDir: source,
        target: archive,
        force: false,
        progress: quiet,
        beforeEachFile: async () => {
          if (++calls === 2) throw new Error('disk gone');
        },
      }),
      (error: unknown) => error instanceof BackupError && /The backup failed: disk gone[\s\S]*Nothing was written/.test(error.message),
    );
    await assert.rejects(stat(archive), { code: 'ENOENT' });
    assert.deepEqual((await readdir(root)).filter((name) => name.includes('failing.zip')), [], 'nor a temporary one');
    await assert.rejects(runCli(['backup', join(fresh('no-such-folder'), 'oz.zip')], { OZ_DATA_DIR: source }, quiet), /There is no folder .*no-such-folder/);
    await assert.rejects(runCli(['backup', '--force', join(source, STORE_FILE_NAME)], { OZ_DATA_DIR: source }, quiet), /outside/);
  });

  it('refuses PostgreSQL and S3 deployments, naming pg_dump and the bucket\'s versioning', async () => {
    const dir = fresh('pg');
    const archive = fresh('pg.zip');
    for (const command of ['backup', 'restore']) {
      await assert.rejects(
        runCli([command, archive], { OZ_DATA_DIR: dir, DATABASE_URL: 'postgres://oz:secret@db.example.ru:5432/oz' }, quiet),
        (error: unknown) => error instanceof UsageError && /pg_dump -Fc "\$DATABASE_URL" > oz\.dump[\s\S]*pg_restore/.test(error.message) && !/secret/.test(error.message),
      );
      await assert.rejects(
        runCli([command, archive], { OZ_DATA_DIR: dir, OZ_S3_BUCKET: 'oz-files' }, quiet),
        (error: unknown) => error instanceof UsageError && /bucket "oz-files"[\s\S]*versioning or replication/.test(error.message),
      );
    }
    await assert.rejects(stat(archive), { code: 'ENOENT' });
  });

  it('runs as a command: a refusal exits 2 with the message, no stack trace', async () => {
    const source = await copyOfWorld();
    const archive = fresh('cli.zip');
    await writeFile(archive, 'taken');
    const run = promisify(execFile);
    const env = { ...process.env, OZ_DATA_DIR: source };
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'backup', archive], { env }),
      (error: { code?: number; stderr?: string }) => error.code === 2 && /already exists/.test(error.stderr ?? '') && !/\n\s+at /.test(error.stderr ?? ''),
    );
    await assert.rejects(runCli(['backup'], { OZ_DATA_DIR: source }, quiet), (error: unknown) => error instanceof UsageError && /backup needs the name/.test(error.message));
    await assert.rejects(runCli(['restore', 'a.zip', 'b.zip'], { OZ_DATA_DIR: source }, quiet), (error: unknown) => error instanceof UsageError && /one file name/.test(error.message));
    assert.match(await runCli(['help']), /backup FILE \[--force\][\s\S]*restore FILE \[--force\]/);
  });
});
