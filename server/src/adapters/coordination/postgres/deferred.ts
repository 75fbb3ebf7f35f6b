/** A promise with its resolve at hand (Promise.withResolvers arrives with Node 22). */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
