// `npm run bench:streams -- [--streams 5000] [--events 200]`
// Two API instances (separate processes) on one fresh PostgreSQL database hold N open notification
// streams between them; a doctor then writes chat messages through one instance to patients whose
// stream is on the other, one at a time, and the time from the write until the patient's stream
// carries it is measured. Goal: p95 within 200 ms with 5,000 streams. About two minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pgPool } from '../server/src/adapters/store/postgres/sql.ts';
import { openPostgresStore } from '../server/src/adapters/store/postgres/postgres-store.ts';
import { testServerEnv } from '../scripts/test-server-env.mjs';
import { seedStreamUsers } from './live-streams/seed.ts';
import { openStream, type OpenStream } from './live-streams/sse-client.ts';

const { values } = parseArgs({ options: { streams: { type: 'string', default: '5000' }, events: { type: 'string', default: '200' } } });
const STREAMS = Number(values.streams);
const EVENTS = Number(values.events);
const GOAL_P95_MS = 200;
const SERVER = process.env.OZ_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Instance {
  origin: string;
  process: ChildProcess;
}

async function startInstance(databaseUrl: string, dataDir: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: testServerEnv({ PORT: '0', HOST: '127.0.0.1', OZ_SMS_OUTBOX: '1', DATABASE_URL: databaseUrl, OZ_DATA_DIR: dataDir, OZ_LOG_LEVEL: 'error', OZ_RATE_LIMIT_PER_MINUTE: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
  });
  return { origin, process: child };
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function post<T>(origin: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const name = `oz_bench_streams_${randomBytes(4).toString('hex')}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await onServer(`CREATE DATABASE ${name}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-bench-streams-'));
  const instances: Instance[] = [];
  const streams: OpenStream[] = [];
  try {
    const pool = pgPool({ connectionString: url.toString(), max: 4, onIdleError: () => undefined });
    const store = await openPostgresStore(pool); // creates the schema
    const measured = Math.min(EVENTS, STREAMS);
    const seeded = await seedStreamUsers(pool, STREAMS, measured);
    await store.close();
    instances.push(await startInstance(url.toString(), dataDir), await startInstance(url.toString(), dataDir));

    // Stream i lives on instance i % 2; its ticket comes from the other instance.
    const opening = performance.now();
    const byUser = new Map<string, { stream: OpenStream; instance: number }>();
    for (let start = 0; start < STREAMS; start += 100) {
      await Promise.all(
        seeded.users.slice(start, start + 100).map(async (user, offset) => {
          const i = start + offset;
          const { ticket } = await post<{ ticket: string }>(instances[(i + 1) % 2]!.origin, '/notifications/stream-ticket', user.token);
          const stream = await openStream(instances[i % 2]!.origin, ticket);
          streams.push(stream);
          byUser.set(user.id, { stream, instance: i % 2 });
        }),
      );
    }
    const openedIn = Math.round(performance.now() - opening);

    // One event at a time to one patient among all the streams, written through the other instance.
    const latencies: number[] = [];
    const writes: number[] = [];
    for (let e = 0; e < EVENTS; e += 1) {
      const user = seeded.users[e % measured]!;
      const held = byUser.get(user.id)!;
      const marker = `bench-${e}-${randomBytes(4).toString('hex')}`;
      const arrival = held.stream.waitFor(marker, 10_000);
      const sent = performance.now();
      await post(instances[(held.instance + 1) % 2]!.origin, `/consultations/${user.consultationId}/messages`, seeded.doctor.token, { text: marker });
      writes.push(performance.now() - sent);
      latencies.push((await arrival) - sent);
    }
    latencies.sort((a, b) => a - b);
    writes.sort((a, b) => a - b);
    const [rssA, rssB] = await Promise.all(instances.map((instance) => rssMb(instance.process.pid!)));
    const p95 = percentile(latencies, 95);
    console.log(`\n${STREAMS} open notification streams on two instances (${openedIn} ms to open them); ${EVENTS} chat messages, each written through the instance that does not hold the recipient's stream\n`);
    console.log('| streams | events | delivered p50 | p95 | max | the write alone p50 | instances\' memory |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(
      `| ${STREAMS} | ${EVENTS} | ${percentile(latencies, 50).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${latencies.at(-1)!.toFixed(1)} ms | ${percentile(writes, 50).toFixed(1)} ms | ${rssA} MB + ${rssB} MB |`,
    );
    console.log(`\n${p95 <= GOAL_P95_MS ? 'GOAL MET' : 'GOAL MISSED'}: p95 ${p95.toFixed(1)} ms (goal ≤ ${GOAL_P95_MS} ms)`);
  } finally {
    for (const stream of streams) stream.close();
    for (const instance of instances) instance.process.kill('SIGTERM');
    await Promise.all(instances.map((instance) => new Promise((resolve) => (instance.process.exitCode === null ? instance.process.once('exit', resolve) : resolve(null)))));
    await rm(dataDir, { recursive: true, force: true });
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
