import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { assertFileKey, FileNotFoundError, FileStoreUnavailableError, newFileKey, type FileStore } from '../../ports/file-store.ts';

export interface S3Settings {
  /** An S3-compatible service (MinIO, Yandex Object Storage, …); AWS itself when absent. */
  endpoint?: string | undefined;
  bucket: string;
  region: string;
  /** Both or neither; neither means the SDK's default credential chain (environment, profile, instance role). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** bucket in the path (http://host/bucket/key), as MinIO and most self-hosted services want. */
  forcePathStyle: boolean;
  /** Put before every key, e.g. "oz/files/", so the bucket can hold other things too. */
  prefix: string;
  /** How long to wait for a connection and how often to try; tests shorten them. */
  connectionTimeoutMs?: number;
  maxAttempts?: number;
}

/** Files as objects in one bucket, under the same random keys as on disk. */
export async function openS3FileStore(settings: S3Settings): Promise<FileStore> {
  const { bucket, prefix } = settings;
  if (Boolean(settings.accessKeyId) !== Boolean(settings.secretAccessKey)) {
    throw new Error('S3: give both the access key id and the secret access key, or neither');
  }
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    maxAttempts: settings.maxAttempts ?? 3,
    // A stalled socket must end in an error (a 503 for the user), not a request that hangs forever.
    requestHandler: { connectionTimeout: settings.connectionTimeoutMs ?? 5000, socketTimeout: 30_000 },
    // Many S3-compatible services reject the CRC checksums that newer SDKs send by default.
    ...(settings.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
  const where = describeEndpoint(settings);

  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    client.destroy();
    throw bucketProblem(error, bucket, where);
  }

  const objectKey = (key: string) => {
    assertFileKey(key);
    return `${prefix}${key}`;
  };
  // Network failures and the service's own 5xx become FileStoreUnavailableError; the rest passes through.
  const send = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isUnavailable(error)) throw new FileStoreUnavailableError(`The S3 storage at ${where} is unavailable: ${reasonOf(error)}`, { cause: error });
      throw error;
    }
  };
  const write = (key: string, bytes: Uint8Array) =>
    send(() =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: bytes,
          // The API serves files with their sniffed type; the bucket itself must never serve one as a page.
          ContentType: 'application/octet-stream',
          ContentDisposition: 'attachment',
        }),
      ),
    );

  return {
    async put(bytes) {
      const key = newFileKey();
      await write(key, bytes);
      return key;
    },
    async putAs(key, bytes) {
      await write(key, bytes);
    },
    async get(key) {
      const Key = objectKey(key);
      try {
        return await send(async () => {
          const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
          if (!response.Body) throw new Error(`S3 returned no body for ${Key}`);
          const bytes = await response.Body.transformToByteArray();
          return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        });
      } catch (error) {
        if (error instanceof NoSuchKey) throw new FileNotFoundError(key, { cause: error });
        throw error;
      }
    },
    async delete(key) {
      // S3 answers 204 for a key that holds nothing, so a repeated delete is a no-op as on disk.
      await send(() => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) })));
    },
  };
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

function isUnavailable(error: unknown): boolean {
  if (error instanceof S3ServiceException) return (error.$metadata.httpStatusCode ?? 0) >= 500;
  const { name, code } = error as { name?: string; code?: string };
  return name === 'TimeoutError' || (code !== undefined && NETWORK_ERROR_CODES.has(code));
}

function reasonOf(error: unknown): string {
  if (error instanceof S3ServiceException) return `HTTP ${error.$metadata.httpStatusCode ?? '?'} ${error.name}`;
  const { name, code } = error as { name?: string; code?: string };
  return code ?? name ?? 'unknown error';
}

/** Names the variables to check, and never the secret. */
function bucketProblem(error: unknown, bucket: string, where: string): Error {
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  const options = { cause: error };
  if (isUnavailable(error)) {
    return new FileStoreUnavailableError(`Cannot reach the S3 bucket "${bucket}" at ${where} (${reasonOf(error)}); check OZ_S3_ENDPOINT and OZ_S3_BUCKET`, options);
  }
  if (status === 404) return new Error(`The S3 bucket "${bucket}" does not exist at ${where}; check OZ_S3_BUCKET and OZ_S3_ENDPOINT`, options);
  if (status === 401 || status === 403) {
    return new Error(`Access to the S3 bucket "${bucket}" at ${where} is denied; check OZ_S3_ACCESS_KEY_ID, OZ_S3_SECRET_ACCESS_KEY and the bucket's policy`, options);
  }
  if (status === 301) return new Error(`The S3 bucket "${bucket}" is in another region than OZ_S3_REGION at ${where}`, options);
  return new Error(`The S3 bucket "${bucket}" at ${where} cannot be used (${reasonOf(error)}); check OZ_S3_BUCKET and OZ_S3_ENDPOINT`, options);
}

/** The endpoint's origin only: a URL with user:password in it must not reach the log. */
function describeEndpoint(settings: S3Settings): string {
  if (!settings.endpoint) return `AWS S3 (${settings.region})`;
  try {
    return new URL(settings.endpoint).origin;
  } catch {
    return 'OZ_S3_ENDPOINT';
  }
}
