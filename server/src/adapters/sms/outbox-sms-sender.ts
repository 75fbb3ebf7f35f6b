import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SmsSender } from '../../ports/sms-sender.ts';
import { Mutex } from '../../lib/mutex.ts';

export const SMS_OUTBOX_FILE = 'sms-outbox.jsonl';

/** Without a gateway every SMS is appended to OZ_DATA_DIR/sms-outbox.jsonl, one JSON object a line. */
export function outboxSmsSender(dataDir: string, now: () => Date = () => new Date()): SmsSender {
  const file = join(dataDir, SMS_OUTBOX_FILE);
  const mutex = new Mutex(); // lines from concurrent sends must not interleave
  return {
    send: ({ to, text }) =>
      mutex.run(() => appendFile(file, `${JSON.stringify({ to, text, at: now().toISOString() })}\n`, { mode: 0o600 })),
  };
}
