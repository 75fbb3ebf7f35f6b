import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { FileStoreUnavailableError } from '../src/ports/file-store.ts';
import { openDiskFileStore } from '../src/adapters/files/disk-file-store.ts';
import { openS3FileStore, type S3Settings } from '../src/adapters/files/s3-file-store.ts';
import { describeFileStoreContract } from './file-store-contract.ts';
import { registerPatient, startTestServer } from './helpers.ts';
import { SAMPLE_FILES, upload } from './fixtures.ts';

const BUCKET = 'oz-files';
// s3rver's built-in account; it checks signatures, so these must be right.
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

interface LocalS3 {
  endpoint: string;
  settings: S3Settings;
  /** A plain client, to look into the bucket behind the store's back. */
  client: S3Client;
  stop(): Promise<void>;
}

/** An S3-compatible server in this process, on a free port, with an empty bucket. */
async function startLocalS3(prefix = ''): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'oz-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: KEYS });
  let stopped = false;
  return {
    endpoint,
    settings: { endpoint, bucket: BUCKET, region: 'us-east-1', forcePathStyle: true, prefix, ...KEYS },
    client,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A port on which nothing listens (just taken and freed). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describeFileStoreContract('disk', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-files-'));
  return { files: await openDiskFileStore(dataDir), close: () => rm(dataDir, { recursive: true, force: true }) };
});

describeFileStoreContract('S3 (s3rver)', async () => {
  const s3 = await startLocalS3('contract/');
  return { files: await openS3FileStore(s3.settings), close: s3.stop };
});

describe('S3 file store', () => {
  let s3: LocalS3;
  before(async () => {
    s3 = await startLocalS3('oz/files/');
  });
  after(() => s3.stop());

  it('writes each file under OZ_S3_PREFIX as an octet-stream attachment, so the bucket never serves a page', async () => {
    const files = await openS3FileStore(s3.settings);
    const key = await files.put(SAMPLE_FILES.html());
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `oz/files/${key}` }));
    assert.equal(head.ContentType, 'application/octet-stream');
    assert.equal(head.ContentDisposition, 'attachment');
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    assert.deepEqual(listed.Contents?.map((object) => object.Key), [`oz/files/${key}`]);
  });

  it('refuses to open on a bucket that does not exist, naming OZ_S3_BUCKET', async () => {
    await assert.rejects(openS3FileStore({ ...s3.settings, bucket: 'no-such-bucket' }), /"no-such-bucket" does not exist.*OZ_S3_BUCKET/);
  });

  it('refuses to open with unknown keys, naming the key variables but not the secret', async () => {
    const secret = 'very-secret-value';
    await assert.rejects(openS3FileStore({ ...s3.settings, accessKeyId: 'NOBODY', secretAccessKey: secret }), (error: Error) => {
      assert.match(error.message, /denied.*OZ_S3_ACCESS_KEY_ID.*OZ_S3_SECRET_ACCESS_KEY/);
      assert.ok(!error.message.includes(secret));
      return true;
    });
  });

  it('refuses to open when nothing listens at the endpoint, naming OZ_S3_ENDPOINT and OZ_S3_BUCKET but not the secret', async () => {
    const endpoint = `http://127.0.0.1:${await deadPort()}`;
    const secret = 'very-secret-value';
    await assert.rejects(
      openS3FileStore({ ...s3.settings, endpoint, secretAccessKey: secret, connectionTimeoutMs: 500, maxAttempts: 1 }),
      (error: Error) => {
        assert.ok(error instanceof FileStoreUnavailableError);
        assert.match(error.message, new RegExp(`Cannot reach the S3 bucket "${BUCKET}" at ${endpoint}.*OZ_S3_ENDPOINT.*OZ_S3_BUCKET`));
        assert.ok(!error.message.includes(secret));
        return true;
      },
    );
  });

  it('rejects with FileStoreUnavailableError, quickly, while the storage is down', async () => {
    const down = await startLocalS3();
    const files = await openS3FileStore({ ...down.settings, connectionTimeoutMs: 500, maxAttempts: 2 });
    const key = await files.put(Uint8Array.from([1, 2, 3]));
    await down.stop();
    const started = Date.now();
    await assert.rejects(files.get(key), FileStoreUnavailableError);
    await assert.rejects(files.put(Uint8Array.from([4])), FileStoreUnavailableError);
    await assert.rejects(files.delete(key), FileStoreUnavailableError);
    assert.ok(Date.now() - started < 5000, 'short timeouts');
  });

  it('takes the storage\'s own 5xx for unavailable, not for a missing file', async () => {
    // Answers that the bucket exists, then fails every request as an overloaded S3 does.
    const failing = createHttpServer((request, response) => {
      if (request.method === 'HEAD') return response.writeHead(200).end();
      response.writeHead(503, { 'Content-Type': 'application/xml' }).end('<Error><Code>ServiceUnavailable</Code><Message>Please reduce your request rate.</Message></Error>');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = failing.address() as { port: number };
      const files = await openS3FileStore({ ...s3.settings, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 });
      await assert.rejects(files.get('0'.repeat(32)), FileStoreUnavailableError);
      await assert.rejects(files.put(Uint8Array.from([1])), FileStoreUnavailableError);
    } finally {
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});

describe('documents on S3', () => {
  let s3: LocalS3;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    s3 = await startLocalS3('documents/');
    server = await startTestServer({
      OZ_S3_ENDPOINT: s3.endpoint,
      OZ_S3_BUCKET: BUCKET,
      OZ_S3_REGION: 'us-east-1',
      OZ_S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      OZ_S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      OZ_S3_FORCE_PATH_STYLE: 'true',
      OZ_S3_PREFIX: 'documents/',
    });
  });
  after(async () => {
    await server?.close();
    await s3?.stop();
  });

  it('keeps an uploaded PDF in the bucket and serves it only to its owner, as a sandboxed nosniff attachment', async () => {
    const owner = await registerPatient(server);
    const stranger = await registerPatient(server);
    const response = await upload(server, owner.token, 'ecg', SAMPLE_FILES.pdf(), 'ecg.pdf');
    assert.equal(response.status, 201);
    const document = (await response.json()) as { id: string; mediaType: string };
    assert.equal(document.mediaType, 'application/pdf');

    // In the bucket, not on the local disk.
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'documents/' }));
    assert.equal(listed.Contents?.length, 1);
    const stored = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: listed.Contents![0]!.Key! }));
    assert.deepEqual(await stored.Body!.transformToByteArray(), SAMPLE_FILES.pdf());
    assert.ok(!(await readdir(server.dataDir)).includes('files'));

    const content = await server.request(`/api/v1/documents/${document.id}/content`, { token: owner.token });
    assert.equal(content.status, 200);
    assert.match(content.headers.get('Content-Disposition') ?? '', /^attachment; filename="ecg.pdf"; filename\*=UTF-8''ecg\.pdf$/);
    assert.equal(content.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(content.headers.get('Content-Type'), 'application/pdf');
    assert.equal(content.headers.get('Content-Security-Policy'), "default-src 'none'; sandbox");
    assert.deepEqual(new Uint8Array(await content.arrayBuffer()), SAMPLE_FILES.pdf());
    assert.equal((await server.request(`/api/v1/documents/${document.id}/content`, { token: stranger.token })).status, 404);

    const deleted = await server.request(`/api/v1/documents/${document.id}`, { method: 'DELETE', token: owner.token });
    assert.equal(deleted.status, 204);
    const afterDelete = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'documents/' }));
    assert.equal(afterDelete.Contents?.length ?? 0, 0);
  });
});
