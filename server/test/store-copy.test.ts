import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runCli, UsageError } from '../src/cli/main.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../src/adapters/store/lowdb-store.ts';
import { COLLECTIONS, type StoreData } from '../src/adapters/store/lowdb-repositories.ts';
import {
  applicationsTable,
  chatUnreadTable,
  conclusionsTable,
  consultationsTable,
  documentsTable,
  dutySlotsTable,
  messagesTable,
  notificationsTable,
  presenceTable,
  auditTable,
  rowToRecord,
  selectList,
  phoneCodesTable,
  tokensTable,
  usersTable,
  type Table,
} from '../src/adapters/store/postgres/rows.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { SAMPLE_FILES } from './fixtures.ts';
import { BUCKET, buildWorld, ok, startLocalS3, syntheticStore, type World } from './store-copy-fixtures.ts';
import { smsPassword } from './sms-outbox.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';

const noServer = !(await reachableServer());
const skip = noServer ? 'no PostgreSQL server answers at 127.0.0.1:5432 (set OZ_TEST_DATABASE_URL): store copy writes to a real database' : false;

const TABLES: Record<(typeof COLLECTIONS)[number], Table<never>> = {
  users: usersTable,
  tokens: tokensTable,
  phoneCodes: phoneCodesTable,
  documents: documentsTable,
  applications: applicationsTable,
  consultations: consultationsTable,
  conclusions: conclusionsTable,
  notifications: notificationsTable,
  dutySlots: dutySlotsTable,
  messages: messagesTable,
  chatUnread: chatUnreadTable,
  presence: presenceTable,
  audit: auditTable,
};

const quiet = () => undefined;

async function readStoreFile(dataDir: string): Promise<StoreData> {
  return JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')) as StoreData;
}

/** A record as the table holds it: every column (absent fields as null) and the write sequence. */
function asInTable(table: Table<never>, record: Record<string, unknown>): Record<string, unknown> {
  const shaped: Record<string, unknown> = Object.fromEntries(table.columns.map((column) => [column.field, record[column.field] ?? null]));
  if (table === (usersTable as unknown as Table<never>)) shaped.consent = record.consent ?? null;
  return { ...shaped, seq: record.seq };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function tableRows(url: string, table: Table<never>): Promise<Record<string, unknown>[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT ${selectList(table)} FROM ${table.name} ORDER BY seq`);
    return rows.map((row: Record<string, unknown>) => ({ ...(rowToRecord(table, row) as Record<string, unknown>), seq: Number(row.seq) }));
  });
}

async function hasSchema(url: string): Promise<boolean> {
  return withClient(url, async (client) => (await client.query("SELECT to_regclass('users')::text AS present")).rows[0].present !== null);
}

describe('store copy: the embedded store to PostgreSQL', { skip }, () => {
  let world: World;
  const databases: { url: string; drop(): Promise<void> }[] = [];
  const freshTarget = async () => {
    const database = (await freshDatabaseUrl())!;
    databases.push(database);
    return database.url;
  };

  before(async () => {
    world = await buildWorld(await mkdtemp(join(tmpdir(), 'oz-copy-')));
  });
  after(async () => {
    for (const database of databases) await database.drop();
    await rm(world.dataDir, { recursive: true, force: true });
  });

  it('copies every record with its id, fields and write order, and the API on PostgreSQL serves them', async () => {
    const source = await readStoreFile(world.dataDir);
    for (const collection of COLLECTIONS) assert.ok(source[collection].length > 0, `the store to copy has ${collection}`);
    const url = await freshTarget();
    const progress: string[] = [];

    const output = await runCli(['store', 'copy', '--to', url], { OZ_DATA_DIR: world.dataDir }, (line) => progress.push(line));

    const now = Date.now();
    const liveTokens = source.tokens.filter((token) => !token.revokedAt && Date.parse(token.expiresAt) > now);
    assert.ok(liveTokens.length < source.tokens.length, 'the ended session is left out');
    const expected: [string, number][] = [
      ['users', source.users.length],
      ['consent records', source.users.filter((user) => user.consent).length],
      ['sessions', liveTokens.length],
      ['documents', source.documents.length],
      ['applications', source.applications.length],
      ['consultations', source.consultations.length],
      ['duty slots', source.dutySlots.length],
      ['conclusions', source.conclusions.length],
      ['messages', source.messages.length],
      ['notifications', source.notifications.length],
    ];
    for (const [label, count] of expected) assert.match(output, new RegExp(`\\n  ${label}\\s+${count} → ${count}\\s+✓`), `${label} in:\n${output}`);
    assert.match(output, /live sessions only, so people stay signed in; 1 expired or revoked left out/);
    assert.match(output, new RegExp(`Files: they stay in ${world.dataDir}/files \\(3 of 3\\); the new deployment needs the same OZ_DATA_DIR`));
    assert.ok(progress.some((line) => /records: copying \d+ in one transaction/.test(line)), progress.join('\n'));

    for (const collection of COLLECTIONS) {
      const table = TABLES[collection];
      const records = (collection === 'tokens' ? liveTokens : source[collection]) as unknown as Record<string, unknown>[];
      const want = records.map((record) => asInTable(table, record)).sort((a, b) => (a.seq as number) - (b.seq as number));
      assert.deepEqual(await tableRows(url, table), want, `${collection} came over whole`);
    }
    const application = source.applications.find((candidate) => candidate.source === 'referral');
    assert.equal(application?.referral?.referringDoctor, 'Иванов И. И.', 'the world has a referral to check');

    const server = await startTestServer({ DATABASE_URL: url, OZ_DATA_DIR: world.dataDir });
    try {
      assert.equal(server.services.store.name, 'postgres');
      const me = await server.request('/api/v1/me', { token: world.patient.token });
      assert.equal(me.status, 200, 'the session from the embedded store still works');
      assert.equal(((await me.json()) as { id: string }).id, world.patient.id);
      assert.equal((await server.request('/api/v1/me', { token: world.patient.loggedOutToken })).status, 401);
      const login = await server.request('/api/v1/auth/login', { json: { phone: world.patient.phone, password: world.patient.password } });
      assert.equal(login.status, 200, 'the old password signs in');

      const content = await server.request(`/api/v1/documents/${world.documentId}/content`, { token: world.patient.token });
      assert.equal(content.status, 200);
      assert.deepEqual(new Uint8Array(await content.arrayBuffer()), SAMPLE_FILES.pdf());

      const conclusion = await server.request(`/api/v1/consultations/${world.applicationConsultationId}/conclusion`, { token: world.patient.token });
      assert.equal(conclusion.status, 200);
      assert.equal(((await conclusion.json()) as { text: string }).text, world.conclusionText);

      const consultations = (await (await server.request('/api/v1/consultations', { token: world.patient.token })).json()) as { items: { id: string }[] };
      assert.deepEqual(consultations.items.map((item) => item.id).sort(), [world.applicationConsultationId, world.dutyConsultationId].sort());

      const notes = (await (await server.request('/api/v1/notifications', { token: world.patient.token })).json()) as { items: { id: string; read: boolean }[]; unread: number };
      const theirs = source.notifications.filter((note) => note.userId === world.patient.id);
      assert.equal(notes.items.length, theirs.length);
      assert.equal(notes.unread, theirs.filter((note) => !note.readAt).length);

      // New writes come after the copied ones in write order.
      const posted = await ok(server.request(`/api/v1/consultations/${world.applicationConsultationId}/messages`, { token: world.doctor.token, json: { text: 'Жду вас' } }));
      const { id: messageId } = (await posted.json()) as { id: string };
      const seqOf = await withClient(url, async (client) => Number((await client.query('SELECT seq FROM messages WHERE id = $1', [messageId])).rows[0].seq));
      assert.ok(seqOf > Math.max(...source.messages.map((message) => message.seq)));

      const otp = await smsPassword({ dataDir: world.dataDir } as TestServer, world.referralPhone);
      const referral = await server.request('/api/v1/auth/login', { json: { phone: world.referralPhone, password: otp } });
      assert.equal(referral.status, 200, 'the imported patient signs in with the one-time password');
      assert.equal(((await referral.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword, true);
    } finally {
      await server.close();
    }

    const stillThere = await readStoreFile(world.dataDir);
    assert.deepEqual(stillThere.users.map((user) => user.id), source.users.map((user) => user.id), 'the store file was only read');
  });

  it('refuses a database that already has users, and writes nothing', async () => {
    const url = await freshTarget();
    await runCli(['staff', 'add', '--role', 'manager', '--phone', '+79211002040', '--password', 'manager secret', '--name', 'М'], { DATABASE_URL: url, OZ_DATA_DIR: world.dataDir });
    await assert.rejects(
      runCli(['store', 'copy', '--to', url], { OZ_DATA_DIR: world.dataDir }, quiet),
      (error: Error) => error.name === 'StoreCopyError' && /already has 1 user: store copy only fills an empty database.*Nothing was written/s.test(error.message),
    );
    const counts = await withClient(url, async (client) => (await client.query('SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM documents)::int AS documents')).rows[0]);
    assert.deepEqual(counts, { users: 1, documents: 0 });
  });

  it('refuses while a server holds the embedded store, before touching the database', async () => {
    const url = await freshTarget();
    const running = await openLowdbStore(world.dataDir);
    try {
      await assert.rejects(runCli(['store', 'copy', '--to', url], { OZ_DATA_DIR: world.dataDir }, quiet), (error: Error) => error.name === 'DataDirLockedError' && /Stop it first/.test(error.message));
    } finally {
      await running.close();
    }
    assert.equal(await hasSchema(url), false);
  });

  it('with --files-to-s3 uploads every document\'s file, and the API on PostgreSQL and S3 serves it', async () => {
    const s3 = await startLocalS3();
    try {
      const env = { OZ_DATA_DIR: world.dataDir, ...s3.env };
      const url = await freshTarget();
      await assert.rejects(runCli(['store', 'copy', '--to', url], env, quiet), (error: Error) => error instanceof UsageError && /--files-to-s3 was not given/.test(error.message));
      assert.equal(await hasSchema(url), false);

      const output = await runCli(['store', 'copy', '--to', url, '--files-to-s3'], env, quiet);
      assert.match(output, new RegExp(`Files: 3 copied to the S3 bucket "${BUCKET}" and read back to check their size and bytes`));
      const source = await readStoreFile(world.dataDir);
      const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      assert.deepEqual(listed.Contents?.map((object) => object.Key).sort(), source.documents.map((document) => `oz/${document.storageKey}`).sort());

      // A fresh data directory: the file can only come from the bucket.
      const server = await startTestServer({ DATABASE_URL: url, ...s3.env });
      try {
        const content = await server.request(`/api/v1/documents/${world.documentId}/content`, { token: world.patient.token });
        assert.equal(content.status, 200);
        assert.deepEqual(new Uint8Array(await content.arrayBuffer()), SAMPLE_FILES.pdf());
      } finally {
        await server.close();
      }
    } finally {
      await s3.stop();
    }
  });

  it('brings records of older versions in line with the schema\'s rules and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'oz-copy-old-'));
    try {
      const data = syntheticStore(0);
      const application = (id: string, createdAt: string, source: 'own' | 'referral') =>
        ({ id, patientId: 'u-1', centerId: 'bakulev', disease: '', diagnosis: 'ИБС', complaints: '', documentIds: [], status: 'submitted', source,
          referral: source === 'referral' ? { referringDoctor: 'Сидоров', organization: 'ЦРБ', importedAt: createdAt } : null,
          declineReason: null, consultationId: null, reviewedBy: null, createdAt, updatedAt: createdAt, seq: data.nextSeq++ }) as StoreData['applications'][number];
      // An earlier import let a referral wait beside the patient's own application at one center.
      data.applications.push(application('a-own', '2024-03-02T09:00:00.000Z', 'own'), application('a-referral', '2024-03-05T09:00:00.000Z', 'referral'));
      await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(data));
      const url = await freshTarget();
      const output = await runCli(['store', 'copy', '--to', url], { OZ_DATA_DIR: dataDir }, quiet);
      assert.match(output, /withdrawn \(the first filed keeps its place\): a-referral/);
      const rows = await tableRows(url, applicationsTable as unknown as Table<never>);
      assert.deepEqual(rows.map((row) => [row.id, row.status]), [['a-own', 'submitted'], ['a-referral', 'cancelled']]);
      const onDisk = JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')) as StoreData;
      assert.equal(onDisk.applications.find((a) => a.id === 'a-referral')?.status, 'submitted', 'the store file itself is untouched');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('copies large collections in batches, in write order, and rolls everything back when one record does not fit', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'oz-copy-many-'));
    try {
      const data = syntheticStore(1_234);
      await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(data));
      const url = await freshTarget();
      const output = await runCli(['store', 'copy', '--to', url], { OZ_DATA_DIR: dataDir }, quiet);
      assert.match(output, /notifications\s+1234 → 1234\s+✓/);
      const rows = await tableRows(url, notificationsTable as unknown as Table<never>);
      assert.deepEqual(rows.map((row) => row.id), data.notifications.map((note) => note.id));

      data.documents.push({ id: 'd-orphan', ownerId: 'nobody', kind: 'ecg', fileName: 'x.pdf', mediaType: 'application/pdf', sizeBytes: 1, storageKey: 'a'.repeat(32), uploadedAt: new Date().toISOString(), seq: data.nextSeq++ });
      await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(data));
      const broken = await freshTarget();
      await assert.rejects(runCli(['store', 'copy', '--to', broken], { OZ_DATA_DIR: dataDir }, quiet), (error: Error) => error.name === 'StoreCopyError' && /Cannot copy the documents: .*foreign key.*nothing was written/s.test(error.message));
      const users = await withClient(broken, async (client) => (await client.query('SELECT count(*)::int AS n FROM users')).rows[0].n);
      assert.equal(users, 0, 'the users written before the failure were rolled back');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('store copy: what it refuses before touching anything', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'oz-copy-usage-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));
  const nowhere = 'postgres://oz@127.0.0.1:1/never_used';

  it('explains missing or wrong arguments and a missing bucket', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['store', 'copy'], {}, /needs --to/],
      [['store', 'copy', '--to', 'mysql://db/oz'], {}, /--to must be a PostgreSQL address/],
      [['store', 'copy', '--to', nowhere, '--files-to-s3'], {}, /--files-to-s3 needs the bucket.*OZ_S3_BUCKET/],
      [['store', 'copy', '--to', nowhere, '--colour'], {}, /Unknown option '--colour'/],
    ];
    for (const [args, env, message] of cases) {
      await assert.rejects(runCli(args, { OZ_DATA_DIR: dataDir, ...env }, quiet), (error: unknown) => error instanceof UsageError && message.test(error.message));
    }
  });

  it('says when there is no embedded store to copy', async () => {
    await assert.rejects(runCli(['store', 'copy', '--to', nowhere], { OZ_DATA_DIR: dataDir }, quiet), /There is no embedded store in .*no oz-store\.json/);
  });

  it('refuses a field the tables have no column for, instead of dropping it', async () => {
    const data = syntheticStore(1);
    (data.users[0] as unknown as Record<string, unknown>).archivedAt = '2024-03-02T10:00:00.000Z';
    await writeFile(join(dataDir, STORE_FILE_NAME), JSON.stringify(data));
    try {
      await assert.rejects(runCli(['store', 'copy', '--to', nowhere], { OZ_DATA_DIR: dataDir }, quiet), /no place for users\.archivedAt \(1 records\).*Nothing was written/);
    } finally {
      await rm(join(dataDir, STORE_FILE_NAME));
    }
  });

  it('exits with 2 and the reason when run as a command', async () => {
    const run = promisify(execFile);
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'store', 'copy', '--to', nowhere], { env: { ...process.env, OZ_DATA_DIR: dataDir } }),
      (error: { code?: number; stderr?: string }) => error.code === 2 && /There is no embedded store/.test(error.stderr ?? ''),
    );
  });
});
