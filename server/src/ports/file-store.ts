/** Where uploaded files live. Adapters: local disk under OZ_DATA_DIR (default), S3-compatible (scale). */
export interface FileStore {
  /** Stores the bytes and returns a generated key; the uploaded name never becomes a path. */
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}
