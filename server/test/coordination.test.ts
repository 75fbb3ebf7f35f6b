import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { RateLimits, Tickets } from '../src/ports/coordination.ts';
import type { LiveEvent } from '../src/ports/live-events.ts';
import type { SqlPool } from '../src/adapters/store/postgres/sql.ts';
import { migrate } from '../src/adapters/store/postgres/migrate.ts';
import { MemoryRateLimits } from '../src/adapters/coordination/memory/rate-limits.ts';
import { MemoryTickets } from '../src/adapters/coordination/memory/tickets.ts';
import { PostgresRateLimits } from '../src/adapters/coordination/postgres/rate-limits.ts';
import { PostgresTickets } from '../src/adapters/coordination/postgres/tickets.ts';
import { postgresCoordination, type Coordination } from '../src/adapters/coordination/open-coordination.ts';
import { freshDatabase, freshDatabaseUrl, reachableServer, type TestDatabase } from './store/test-databases.ts';
import { coordinationPool } from '../src/adapters/coordination/postgres/pool.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

/** Two instances' adapters (the same object for memory: one process holds everything). */
interface Pair {
  limits: [RateLimits, RateLimits];
  tickets: [Tickets, Tickets];
}

/** What every adapter of RateLimits and Tickets promises, spread over two instances where there are two. */
function coordinationContract(name: string, open: () => Promise<Pair & { close(): Promise<void> }>) {
  describe(`RateLimits and Tickets: ${name}`, () => {
    let pair: Pair & { close(): Promise<void> };
    before(async () => {
      pair = await open();
    });
    after(() => pair.close());

    it('counts attempts on both instances in one window and says how long to wait', async () => {
      const [a, b] = pair.limits;
      const waits = [await a.hit('k1', 3, MINUTE, T0), await b.hit('k1', 3, MINUTE, T0 + 1000), await a.hit('k1', 3, MINUTE, T0 + 2000)];
      assert.deepEqual(waits, [0, 0, 0]);
      assert.equal(await b.hit('k1', 3, MINUTE, T0 + 10_000), 50, 'the window ends a minute after its first attempt');
      assert.equal(await a.hit('k1', 3, MINUTE, T0 + 59_500), 1, 'never less than a second');
      assert.equal(await b.hit('k2', 3, MINUTE, T0 + 10_000), 0, 'keys are counted apart');
      assert.equal(await a.hit('k1', 3, MINUTE, T0 + MINUTE), 0, 'a new window');
    });

    it('counts attempts made at the same moment on both instances exactly', async () => {
      const [a, b] = pair.limits;
      const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).hit('burst', 5, MINUTE, T0)));
      assert.equal(waits.filter((wait) => wait === 0).length, 5);
    });

    it('forgets a window on request', async () => {
      const [a, b] = pair.limits;
      assert.equal(await a.hit('once', 1, MINUTE, T0), 0);
      assert.equal(await b.hit('once', 1, MINUTE, T0 + 1000), 59);
      await b.forget('once');
      assert.equal(await a.hit('once', 1, MINUTE, T0 + 2000), 0);
    });

    it('redeems a ticket once, on either instance, with its payload', async () => {
      const [a, b] = pair.tickets;
      const ticket = await a.issue('stream', { userId: 'u1', tokenId: 't1' }, MINUTE, T0);
      assert.match(ticket, /^[\w-]{32}$/);
      assert.equal(await b.redeem('signaling', ticket, T0), undefined, 'a ticket of another kind');
      assert.deepEqual(await b.redeem('stream', ticket, T0 + 1000), { userId: 'u1', tokenId: 't1' });
      assert.equal(await a.redeem('stream', ticket, T0 + 2000), undefined, 'used');
      assert.equal(await a.redeem('stream', 'forged-forged-forged', T0), undefined);
    });

    it('lets a ticket expire', async () => {
      const [a, b] = pair.tickets;
      const ticket = await a.issue('stream', { n: 1 }, MINUTE, T0);
      assert.equal(await b.redeem('stream', ticket, T0 + MINUTE), undefined);
    });

    it('gives a ticket redeemed on both instances at the same moment to one of them', async () => {
      const [a, b] = pair.tickets;
      for (let round = 0; round < 5; round += 1) {
        const ticket = await a.issue('signaling', { round }, MINUTE, T0);
        const answers = await Promise.all([a.redeem('signaling', ticket, T0), b.redeem('signaling', ticket, T0)]);
        assert.equal(answers.filter((answer) => answer !== undefined).length, 1, `round ${round}: ${JSON.stringify(answers)}`);
      }
    });
  });
}

coordinationContract('memory', async () => {
  const limits = new MemoryRateLimits();
  const tickets = new MemoryTickets();
  return { limits: [limits, limits], tickets: [tickets, tickets], close: async () => undefined };
});

let database: TestDatabase | undefined;
coordinationContract('PostgreSQL (two instances)', async () => {
  database = await freshDatabase();
  await migrate(database.pool);
  return {
    limits: [new PostgresRateLimits(database.pool), new PostgresRateLimits(database.pool)],
    tickets: [new PostgresTickets(database.pool), new PostgresTickets(database.pool)],
    close: async () => undefined,
  };
});

describe('PostgreSQL coordination tables', () => {
  after(() => database?.drop());

  it('keeps a hash of each ticket, never the ticket, and deletes expired rows lazily', async () => {
    const pool = database!.pool;
    const tickets = new PostgresTickets(pool);
    await pool.query('DELETE FROM oz_tickets');
    const old = await tickets.issue('stream', { n: 1 }, MINUTE, T0);
    const { rows } = await pool.query<{ ticket_hash: string }>('SELECT ticket_hash FROM oz_tickets');
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.ticket_hash, old);
    await tickets.issue('stream', { n: 2 }, MINUTE, T0 + 5 * MINUTE);
    assert.equal((await pool.query('SELECT 1 FROM oz_tickets')).rows.length, 1, 'the expired ticket is gone');
  });

  it('deletes finished rate windows lazily', async () => {
    const pool = database!.pool;
    const limits = new PostgresRateLimits(pool);
    await pool.query('DELETE FROM oz_rate_windows');
    await limits.hit('old', 3, MINUTE, T0);
    await limits.hit('new', 3, MINUTE, T0 + 5 * MINUTE);
    // Keys name phones and addresses: only their SHA-256 is stored.
    const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
    assert.deepEqual((await pool.query<{ key: string }>('SELECT key FROM oz_rate_windows')).rows.map((row) => row.key), [sha256('new')]);
  });
});

const noServer = !(await reachableServer());
const skipLive = noServer ? 'no PostgreSQL server answers (set OZ_TEST_DATABASE_URL): LISTEN/NOTIFY needs a real server' : false;

/** Collects what one subscriber hears. */
function listenerOf() {
  const heard: LiveEvent[] = [];
  let interruptions = 0;
  return {
    heard,
    interruptions: () => interruptions,
    subscriber: { event: (event: LiveEvent) => heard.push(event), interrupted: () => (interruptions += 1) },
    async until(count: number, timeoutMs = 5000) {
      for (let waited = 0; heard.length < count; waited += 20) {
        if (waited > timeoutMs) throw new Error(`heard ${heard.length} of ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

const message = (id: string, text: string): LiveEvent => ({
  type: 'message',
  data: { id, consultationId: 'c1', authorId: 'd1', authorRole: 'doctor', authorName: 'Врач', text, createdAt: new Date(T0).toISOString() },
});

describe('live events over LISTEN/NOTIFY between instances', { skip: skipLive }, () => {
  let url: { url: string; drop(): Promise<void> };
  let setup: SqlPool;
  let a: Coordination;
  let b: Coordination;
  before(async () => {
    url = (await freshDatabaseUrl())!;
    setup = coordinationPool(url.url, 2);
    await migrate(setup);
    a = postgresCoordination(url.url, 4);
    b = postgresCoordination(url.url, 4);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await setup?.end();
    await url?.drop();
  });

  it('delivers one publisher\'s events to a user on another instance in order, big ones through a table', async () => {
    const patient = listenerOf();
    const unsubscribe = await a.live.subscribe('patient-1', patient.subscriber);
    const other = listenerOf();
    await a.live.subscribe('someone-else', other.subscriber);
    // 24 kB of Cyrillic is past NOTIFY's 8000 bytes; published without waiting, so only the adapter keeps the order.
    const big = 'Заключение '.repeat(2200);
    const sent = Array.from({ length: 30 }, (_, i) => message(`m${i}`, i % 3 === 1 ? `${i} ${big}` : `${i}`));
    await Promise.all(sent.map((event) => b.live.publish('patient-1', event)));
    await patient.until(30);
    assert.deepEqual(patient.heard.map((event) => event.data.id), sent.map((event) => event.data.id));
    assert.equal((patient.heard[1]!.data as { text: string }).text, `1 ${big}`);
    assert.equal(other.heard.length, 0, 'another user hears nothing');
    const stored = await setup.query<{ n: string }>('SELECT count(*) AS n FROM oz_notify_payloads');
    assert.equal(Number(stored.rows[0]!.n), 10, 'the big ones went through the table');
    unsubscribe();
  });

  it('deletes big payloads a few minutes old when the next big one is stored', async () => {
    const before = await setup.query<{ id: string }>("INSERT INTO oz_notify_payloads (body, created_at) VALUES ('{}', now() - interval '10 minutes') RETURNING id");
    const fresh = postgresCoordination(url.url, 2); // a fresh instance sweeps on its first big payload
    try {
      await fresh.live.publish('nobody', message('x', 'я'.repeat(5000)));
      const left = await setup.query('SELECT 1 FROM oz_notify_payloads WHERE id = $1', [before.rows[0]!.id]);
      assert.equal(left.rows.length, 0);
    } finally {
      await fresh.close();
    }
  });

  it('listens again after its connection is cut, telling streams that events may have been missed', async () => {
    const patient = listenerOf();
    await a.live.subscribe('patient-2', patient.subscriber);
    await b.live.publish('patient-2', message('before', 'до'));
    await patient.until(1);
    // What a database restart does to the LISTEN connections (every instance's, here both).
    await setup.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'oblako-zdorovya-listen'");
    for (let waited = 0; patient.interruptions() === 0; waited += 20) {
      assert.ok(waited < 5000, 'the subscriber was told of the break');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Back within the retry delay: a publish reaches the subscriber again.
    for (let attempt = 0; patient.heard.length < 2; attempt += 1) {
      assert.ok(attempt < 50, 'events flow again after the reconnect');
      await b.live.publish('patient-2', message(`after-${attempt}`, 'после'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(patient.heard[1]!.data.id, /^after-/);
  });
});
