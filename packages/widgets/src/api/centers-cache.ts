import type { Center } from '@oz/contracts';
import type { ApiClient } from './client.ts';

/** One request per API origin and page: the catalog of centers is static (DESIGN §2). */
const catalogs = new Map<string, Promise<Center[]>>();

/**
 * The centers of `client`'s API, fetched once per page and shared by every element; a failed
 * fetch is forgotten so the next call (a retry button) asks again. `signal` stops only this
 * caller's wait, never the shared request.
 */
export function centersOf(client: ApiClient, signal?: AbortSignal): Promise<Center[]> {
  let catalog = catalogs.get(client.origin);
  if (!catalog) {
    catalog = client.centers().then(({ items }) => items);
    catalogs.set(client.origin, catalog);
    catalog.catch(() => catalogs.delete(client.origin));
  }
  return signal ? abortable(catalog, signal) : catalog;
}

/** Forgets every cached catalog (tests stub the API per case). */
export function forgetCenters(): void {
  catalogs.clear();
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
