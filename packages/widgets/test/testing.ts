/**
 * @open-wc/testing with one change: `waitUntil` waits up to 10 s by default, not 1 s. A wait that
 * includes a sign-in, a chunk's download or a live update and its reload can pass 1 s on a loaded
 * 2-core CI machine; the test still fails when the condition never comes.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

export * from '@open-wc/testing';

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 10_000, ...options });
}
