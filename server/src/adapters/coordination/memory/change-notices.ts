import type { ChangeListener, ChangeNotices } from '../../../ports/change-notices.ts';

/** One instance (lowdb): its own writes mark its answers stale directly, and there is no one else to tell. */
export class MemoryChangeNotices implements ChangeNotices {
  async publish(): Promise<void> {}

  listen(listener: ChangeListener): void {
    listener.hearingAgain();
  }
}
