// On-demand store-scale benchmark: `npm run bench:scale -- [--sizes 1000,10000,100000]
// [--stores lowdb,postgres] [--writes 200] [--reads 100] [--budget 120]`.
//
// For each store and size: fill a fresh store through the Store port (bench/store-scale/dataset.ts),
// start the app in this process on a loopback port, and time sequential requests with fetch: a chat
// message (the small write), a patient's first page of notifications, and the first page of
// consultations of a doctor with 2,000 past ones. Prints a markdown table for the README and the
// issue's goal: on PostgreSQL, write p50 at the largest size at most twice that at 1k.
//
// Duration on the 2-core machine (Node 20, PostgreSQL 15 on the same host, other work running):
// the 1k cases about 20 s for both stores, the 10k cases about 1.5 min, the 100k cases about
// 2.5 min on PostgreSQL (100 s of it seeding) and about 17 min on lowdb: its inserts check
// unique ids and phones by scanning, so seeding 100k patients through the port is quadratic
// (about 14 min), and each of its writes rewrites a ~230 MB file (about 2 s; the write series
// stops at --budget seconds after at least 20 writes).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Store } from '../server/src/ports/store.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../server/src/adapters/store/lowdb-store.ts';
import { openPostgresStore } from '../server/src/adapters/store/postgres/postgres-store.ts';
import { pgPool } from '../server/src/adapters/store/postgres/sql.ts';
import { hashPassword } from '../server/src/services/passwords.ts';
import { DOCTOR_HISTORY, READER_NOTIFICATIONS, seedStore, WRITERS, type SeededUsers } from './store-scale/dataset.ts';
import { percentile, series, startApp, type Series } from './store-scale/measure.ts';

type StoreKind = 'lowdb' | 'postgres';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    stores: { type: 'string', default: 'lowdb,postgres' },
    writes: { type: 'string', default: '200' },
    reads: { type: 'string', default: '100' },
    budget: { type: 'string', default: '120' },
    'database-url': { type: 'string', default: process.env.OZ_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres' },
  },
});
const sizes = options.sizes.split(',').map((size) => Number(size.replace(/_/g, '')));
const stores = options.stores.split(',') as StoreKind[];
const writes = Number(options.writes);
const reads = Number(options.reads);
const budgetMs = Number(options.budget) * 1000;
const serverUrl = options['database-url'];
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || stores.some((s) => s !== 'lowdb' && s !== 'postgres') || !(writes > 0 && reads > 0 && budgetMs > 0)) {
  console.error('usage: npm run bench:scale -- [--sizes 1000,10000,100000] [--stores lowdb,postgres] [--writes 200] [--reads 100] [--budget 120]');
  process.exit(2);
}

/** What was created and must go even on Ctrl-C: temporary folders and databases. */
const cleanups = new Set<() => Promise<void>>();
process.once('SIGINT', () => {
  console.error('\ninterrupted: removing the bench databases and folders');
  void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
});
const log = (line: string) => console.error(`[bench:scale] ${line}`);

interface Result {
  store: StoreKind;
  patients: number;
  records: number;
  bytes: number;
  seedSeconds: number;
  write: Series;
  notifications: Series;
  consultations: Series;
}

/** A fresh lowdb folder or PostgreSQL database, filled; the env that points the app at it; how to remove it. */
interface FilledStore {
  users: SeededUsers;
  env: Record<string, string>;
  seedSeconds: number;
  bytes(): Promise<number>;
  remove(): Promise<void>;
}

async function fillLowdb(patients: number, passwordHash: string): Promise<FilledStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-bench-'));
  const remove = () => rm(dataDir, { recursive: true, force: true });
  cleanups.add(remove);
  const started = performance.now();
  const store = await openLowdbStore(dataDir);
  // lowdb rewrites the whole file at each transaction: 10,000 patients (about 50,000 records) per one.
  const users = await seedThenClose(store, patients, 10_000, passwordHash);
  return {
    users,
    env: { OZ_DATA_DIR: dataDir },
    seedSeconds: (performance.now() - started) / 1000,
    bytes: async () => (await stat(join(dataDir, STORE_FILE_NAME))).size,
    remove,
  };
}

async function fillPostgres(patients: number, passwordHash: string): Promise<FilledStore> {
  const name = `oz_bench_${patients}_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-bench-'));
  const remove = async () => {
    await disconnected(name);
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await rm(dataDir, { recursive: true, force: true });
  };
  cleanups.add(remove);
  const started = performance.now();
  const store = await openPostgresStore(pgPool({ connectionString: url.toString(), max: 2, onIdleError: () => undefined }));
  const users = await seedThenClose(store, patients, 500, passwordHash);
  // What autovacuum would do within a minute of a bulk load: the planner sees the real row counts.
  await onDatabase(url.toString(), 'ANALYZE');
  return {
    users,
    env: { OZ_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    seedSeconds: (performance.now() - started) / 1000,
    bytes: async () => Number((await onDatabase(url.toString(), 'SELECT pg_database_size(current_database()) AS n'))[0]!.n),
    remove,
  };
}

async function seedThenClose(store: Store, patients: number, patientsPerTransaction: number, passwordHash: string): Promise<SeededUsers> {
  let lastReport = performance.now();
  try {
    return await seedStore(store, {
      patients,
      patientsPerTransaction,
      passwordHash,
      onProgress: (done, total) => {
        if (performance.now() - lastReport < 10_000) return;
        lastReport = performance.now();
        log(`  seeded ${done} of ${total} patients`);
      },
    });
  } finally {
    await store.close();
  }
}

async function onDatabase(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const onServer = (sql: string) => onDatabase(serverUrl, sql);

/**
 * node-postgres' pool.end() resolves before its sockets close; dropping the database then would
 * terminate them and the app's pool would log a lost connection. Waits up to 3 s for them to go.
 */
async function disconnected(database: string): Promise<void> {
  for (let waited = 0; waited < 3_000; waited += 50) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [database]);
      if (Number(rows[0]?.n) === 0) return;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function reachable(): Promise<boolean> {
  try {
    await onServer('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

async function measureCase(kind: StoreKind, patients: number, passwordHash: string): Promise<Result> {
  const caseStarted = performance.now();
  log(`${kind}, ${patients} patients: seeding`);
  const filled = kind === 'lowdb' ? await fillLowdb(patients, passwordHash) : await fillPostgres(patients, passwordHash);
  try {
    const bytes = await filled.bytes();
    log(`  seeded in ${filled.seedSeconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB; starting the app`);
    const app = await startApp(filled.env);
    try {
      const { writers, readerToken, doctorToken } = filled.users;
      const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
      const postMessage = (i: number) => {
        const writer = writers[i % writers.length]!;
        return fetch(`${app.api}/consultations/${writer.consultationId}/messages`, {
          method: 'POST',
          headers: { ...auth(writer.token), 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `Доброе утро! Давление утром 135/85, пульс 72. Сообщение ${i}.` }),
        });
      };
      const readNotifications = () => fetch(`${app.api}/notifications`, { headers: auth(readerToken) });
      const readConsultations = () => fetch(`${app.api}/consultations`, { headers: auth(doctorToken) });
      await checkReads(readNotifications, readConsultations);

      // The first case of the process also warms the JIT: with 20 warm-up writes its p50 came out ~1.5× too high.
      log('  warming up');
      await series(100, 15_000, 3, postMessage, 201);
      await series(30, 10_000, 2, readNotifications, 200);
      await series(30, 10_000, 2, readConsultations, 200);
      log(`  ${writes} writes`);
      const write = await series(writes, budgetMs, 20, postMessage, 201);
      log(`  ${reads} reads of each list`);
      const notifications = await series(reads, budgetMs, 10, readNotifications, 200);
      const consultations = await series(reads, budgetMs, 10, readConsultations, 200);
      log(`  done in ${((performance.now() - caseStarted) / 1000).toFixed(0)} s: write p50 ${percentile(write.latencies, 0.5).toFixed(1)} ms`);
      return { store: kind, patients, records: filled.users.records, bytes, seedSeconds: filled.seedSeconds, write, notifications, consultations };
    } finally {
      await app.stop();
    }
  } finally {
    await filled.remove();
    cleanups.delete(filled.remove);
  }
}

/** The reads must be the ones meant: a full first page and more behind it. */
async function checkReads(readNotifications: () => Promise<Response>, readConsultations: () => Promise<Response>): Promise<void> {
  const notifications = (await (await readNotifications()).json()) as { items: unknown[]; unread: number; nextCursor: string | null };
  const consultations = (await (await readConsultations()).json()) as { items: { hasConclusion: boolean }[]; nextCursor: string | null };
  const ok =
    notifications.items.length === 50 && notifications.unread === READER_NOTIFICATIONS / 2 && notifications.nextCursor !== null &&
    consultations.items.length === 100 && consultations.items.every((c) => c.hasConclusion) && consultations.nextCursor !== null;
  if (!ok) throw new Error(`the seeded reads are not what the bench means: ${JSON.stringify({ notifications: notifications.items.length, unread: notifications.unread, consultations: consultations.items.length })}`);
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const count = (value: number) => value.toLocaleString('en-US');
const p50 = (s: Series) => ms(percentile(s.latencies, 0.5));

function row(r: Result): string {
  return `| ${[
    r.store === 'lowdb' ? 'lowdb' : 'PostgreSQL',
    count(r.patients),
    count(r.records),
    `${(r.bytes / 1e6).toFixed(1)} MB`,
    `${r.seedSeconds.toFixed(1)} s`,
    p50(r.write),
    ms(percentile(r.write.latencies, 0.95)),
    `${r.write.latencies.length}${r.write.cut ? '*' : ''}`,
    p50(r.notifications),
    p50(r.consultations),
  ].join(' | ')} |`;
}

function table(results: Result[]): string {
  const ordered = [...results].sort((a, b) => a.store.localeCompare(b.store) || a.patients - b.patients);
  return [
    '| store | patients | records | store size | seeding | write p50 ms | write p95 ms | writes | `GET /notifications` p50 ms | `GET /consultations` (doctor) p50 ms |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...ordered.map(row),
  ].join('\n');
}

function goal(results: Result[]): string {
  const postgres = results.filter((r) => r.store === 'postgres').sort((a, b) => a.patients - b.patients);
  const base = postgres.find((r) => r.patients === 1000) ?? postgres[0];
  const largest = postgres.at(-1);
  if (!base || !largest || base === largest) return 'GOAL NOT MEASURED: needs PostgreSQL at two sizes, 1000 and a larger one.';
  const ratio = percentile(largest.write.latencies, 0.5) / percentile(base.write.latencies, 0.5);
  return (
    `PostgreSQL write p50 at ${count(largest.patients)} patients ÷ at ${count(base.patients)}: ` +
    `${p50(largest.write)} ms ÷ ${p50(base.write)} ms = ${ratio.toFixed(2)}× (goal ≤ 2×): ${ratio <= 2 ? 'GOAL MET' : 'GOAL MISSED'}`
  );
}

if (stores.includes('postgres') && !(await reachable())) {
  console.error(`No PostgreSQL answers at ${serverUrl} (--database-url): measuring lowdb only.`);
  stores.splice(stores.indexOf('postgres'), 1);
}
/** Minutes per case measured on the 2-core machine, up to 1k, 10k and 100k patients. */
const MINUTES: Record<StoreKind, [number, number, number]> = { postgres: [0.2, 0.5, 2.5], lowdb: [0.2, 1, 17] };
const bracket = (size: number) => (size > 10_000 ? 2 : size > 1_000 ? 1 : 0);
const expectedMinutes = sizes.reduce((sum, size) => sum + stores.reduce((s, kind) => s + MINUTES[kind][bracket(size)], 0), 0);
log(
  `sizes ${sizes.join(', ')} on ${stores.join(', ')}: expect about ${Math.max(1, Math.round(expectedMinutes))} min on a 2-core machine ` +
    '(100k patients: about 2.5 min on PostgreSQL, 17 min on lowdb, whose seeding through the port is quadratic)',
);
const started = performance.now();
const passwordHash = await hashPassword('bench password of every seeded account');
const results: Result[] = [];
for (const size of sizes) {
  for (const kind of stores) {
    results.push(await measureCase(kind, size, passwordHash));
    log(`  ${row(results.at(-1)!)}`);
  }
}

console.log(
  `\nSequential requests from one client in the server's process, loopback, ${WRITERS} patients writing chat messages; ` +
    `a patient's first page of ${READER_NOTIFICATIONS} notifications, a doctor's first page of ${count(DOCTOR_HISTORY)} past consultations. ` +
    `Each patient also has a document, an application and two notifications.\n`,
);
console.log(table(results));
if (results.some((r) => r.write.cut)) console.log(`\n\\* fewer writes than ${writes}: the series stopped at its ${budgetMs / 1000} s budget.`);
console.log(`\n${goal(results)}`);
log(`finished in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
