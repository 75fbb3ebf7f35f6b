/**
 * A chunk imported once per page, on the first call, and shared by every caller. A failed load
 * is forgotten so the next call retries (slow rural connections drop requests).
 */
export function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
