import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { StoreUnavailableError } from '../../../ports/store.ts';
import { deferred } from './deferred.ts';
import { logCoordination } from './pool.ts';

const RETRY_FIRST_MS = 200;
const RETRY_MAX_MS = 5_000;
/** A connection that died without a FIN (a network cut) is noticed by a ping, not by LISTEN. */
const PING_EVERY_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;

export interface ListenerHandlers {
  /** In the order the database committed the NOTIFYs. */
  notification(channel: string, payload: string): void;
  /** The connection broke: whatever was notified until it is back is lost. */
  interrupted(): void;
}

/**
 * The instance's one LISTEN connection (a pg.Client of its own: LISTEN belongs to a session, and
 * a pooled connection is lent to others). Opened on first use; after the database restarts or
 * the network drops it reconnects with a growing delay and listens again.
 */
export class PgListener {
  private running: Promise<void> | undefined;
  private closed = false;
  private current: pg.Client | undefined;
  private ready = deferred();
  private readonly stop = deferred();

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly handlers: ListenerHandlers,
  ) {}

  /** Resolves once the channels are listened to; a database away longer than `timeoutMs` is StoreUnavailableError. */
  async listening(timeoutMs = 5_000): Promise<void> {
    if (this.closed) throw new StoreUnavailableError(new Error('the listener is closed'));
    this.running ??= this.run();
    const timeout = sleep(timeoutMs, 'timeout' as const, { ref: false });
    if ((await Promise.race([this.ready.promise, timeout])) === 'timeout') {
      throw new StoreUnavailableError(new Error('no LISTEN connection to the database'));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.resolve();
    await this.running;
  }

  private async run(): Promise<void> {
    let delay = RETRY_FIRST_MS;
    let outage = false;
    while (!this.closed) {
      const client = this.newClient();
      try {
        await client.connect();
        this.current = client;
        for (const channel of this.channels) await client.query(`LISTEN "${channel}"`);
      } catch (error) {
        this.current = undefined;
        void client.end().catch(() => undefined);
        if (!outage) logCoordination(`cannot LISTEN, retrying: ${(error as Error).message}`);
        outage = true;
        await Promise.race([sleep(delay, undefined, { ref: false }), this.stop.promise]);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
        continue;
      }
      if (outage) logCoordination('LISTEN connection back');
      outage = false;
      delay = RETRY_FIRST_MS;
      this.ready.resolve();
      const stopped = await this.watch(client);
      this.current = undefined;
      this.ready = deferred();
      // A half-open socket may never answer the goodbye: do not wait for it long.
      await Promise.race([client.end().catch(() => undefined), sleep(1_000, undefined, { ref: false })]);
      if (stopped) break;
      logCoordination('LISTEN connection lost, reconnecting');
      outage = true;
      this.handlers.interrupted();
    }
  }

  private newClient(): pg.Client {
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: 'oblako-zdorovya-listen',
    });
    // A broken connection reports here and then ends; watch() notices the end. Unhandled, it would crash the process.
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      if (client === this.current) this.handlers.notification(message.channel, message.payload ?? '');
    });
    return client;
  }

  /** Waits until the connection is lost (false) or the listener is closed (true). */
  private async watch(client: pg.Client): Promise<boolean> {
    const lost = new Promise<'lost'>((resolve) => {
      client.once('end', () => resolve('lost'));
      client.once('error', () => resolve('lost'));
    });
    const stopped = this.stop.promise.then(() => 'stopped' as const);
    for (;;) {
      const outcome = await Promise.race([lost, stopped, sleep(PING_EVERY_MS, 'ping' as const, { ref: false })]);
      if (outcome !== 'ping') return outcome === 'stopped';
      const answered = client.query('SELECT 1').then(
        () => 'alive' as const,
        () => 'lost' as const,
      );
      const pinged = await Promise.race([answered, lost, stopped, sleep(PING_TIMEOUT_MS, 'lost' as const, { ref: false })]);
      if (pinged !== 'alive') return pinged === 'stopped';
    }
  }
}
