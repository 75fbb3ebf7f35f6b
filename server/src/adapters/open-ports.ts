import type { Config } from '../config.ts';
import type { Ports } from '../services/index.ts';
import { openLowdbStore } from './store/lowdb-store.ts';
import { openDiskFileStore } from './files/disk-file-store.ts';
import { outboxSmsSender } from './sms/outbox-sms-sender.ts';

/** The one place that knows which adapter serves each port in this deployment. */
export async function openPorts(config: Config): Promise<Ports> {
  const store = await openLowdbStore(config.dataDir);
  try {
    return { store, files: await openDiskFileStore(config.dataDir), sms: outboxSmsSender(config.dataDir) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
