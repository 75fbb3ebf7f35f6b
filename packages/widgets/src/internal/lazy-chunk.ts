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

/**
 * A chunk of pre-checks: resolves undefined when it cannot be loaded, and the form then goes to
 * the API unchecked (the API answers with the very same field errors).
 */
export function checksChunk<T>(load: () => Promise<T>): () => Promise<T | undefined> {
  const chunk = lazyChunk(load);
  return () => chunk().catch(() => undefined);
}
