/** Runs async work one at a time, in arrival order. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    // The chain must continue whether or not this piece of work failed.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
