import { randomBytes } from 'node:crypto';

/** Where uploaded files live. Adapters: local disk under OZ_DATA_DIR (default), S3-compatible (scale). */
export interface FileStore {
  /** Stores the bytes and returns a generated key; the uploaded name never becomes a path. */
  put(bytes: Uint8Array): Promise<string>;
  /**
   * Stores the bytes under a key that `put` generated earlier, in this or another FileStore (moving
   * files between adapters keeps the keys in the records valid). Refuses any other key; overwrites.
   */
  putAs(key: string, bytes: Uint8Array): Promise<void>;
  /** Rejects with FileNotFoundError when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array>;
  /** Deleting a key that holds nothing succeeds: a retried clean-up must not fail. */
  delete(key: string): Promise<void>;
}

/** Every adapter's keys look like this (128 random bits, hex), so a key fits any adapter. */
export const FILE_KEY = /^[a-f0-9]{32}$/;

/** A new key for `put`: generated, never derived from the uploaded name. */
export const newFileKey = (): string => randomBytes(16).toString('hex');

export function assertFileKey(key: string): void {
  if (!FILE_KEY.test(key)) throw new Error('Invalid file key');
}

export class FileNotFoundError extends Error {
  constructor(key: string, options?: ErrorOptions) {
    super(`No file is stored under the key ${key}`, options);
    this.name = 'FileNotFoundError';
  }
}

/** The storage cannot be reached just now (network, timeout, its own 5xx): worth a retry, an HTTP 503. */
export class FileStoreUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FileStoreUnavailableError';
  }
}
