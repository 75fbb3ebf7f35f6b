// `npm run bench:api`: req/s of the real server (lowdb store, --demo data, rate limits off) as a
// ratio of a bare node:http server replaying the same bytes, each server in its own process and
// the load (autocannon) from this one; and what the request log costs. One run, under 2 minutes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { recordAnswer, type BenchRequest } from './api-recording.ts';
import { prepareBenchRequests } from './api-setup.ts';
import { startProcess, type BenchProcess } from './api-processes.ts';

const CONNECTIONS = 16;
/** Each figure is the sum of this many 1-second rounds, taken in turns with the figures it is compared to. */
const ROUNDS = 5;
const WARM_UP_SECONDS = 1;

interface Target {
  origin: string;
  request: BenchRequest;
  requests: number;
  seconds: number;
}

/** Load on one route of one server for a while; any unexpected status fails the benchmark. */
async function load(target: Target, seconds: number): Promise<void> {
  const { origin, request } = target;
  const result = await autocannon({ url: origin + request.path, method: request.method, headers: request.headers, body: request.body, connections: CONNECTIONS, duration: seconds });
  const wrong = Object.keys(result.statusCodeStats ?? {}).filter((status) => Number(status) !== request.status);
  if (wrong.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${request.name} on ${origin}: statuses ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  target.requests += result.requests.total;
  target.seconds += result.duration;
}

/**
 * Warms each target up, then measures them in turns, a second at a time: others' jobs on a shared
 * machine then slow all of them alike, and the ratios hold even where the absolute figures drift.
 */
async function measureSideBySide(targets: Target[]): Promise<number[]> {
  for (const target of targets) {
    await load(target, WARM_UP_SECONDS);
    Object.assign(target, { requests: 0, seconds: 0 });
  }
  for (let round = 0; round < ROUNDS; round += 1) for (const target of targets) await load(target, 1);
  return targets.map((target) => target.requests / target.seconds);
}

const target = (origin: string, request: BenchRequest): Target => ({ origin, request, requests: 0, seconds: 0 });
const startServer = (dataDir: string, logLevel: 'silent' | 'info') =>
  startProcess('server/src/main.ts', ['--demo'], { OZ_DATA_DIR: dataDir, OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: logLevel });
const fmt = (value: number) => value.toFixed(0);

const running: BenchProcess[] = [];
const work = await mkdtemp(join(tmpdir(), 'oz-bench-api-'));
try {
  // Two real servers, each on its own store: the request log off and on.
  const prepare = async (logLevel: 'silent' | 'info') => {
    const dataDir = join(work, logLevel);
    const server = await startServer(dataDir, logLevel);
    running.push(server);
    return { server, requests: await prepareBenchRequests(server.origin, dataDir) };
  };
  const [quiet, logged] = await Promise.all([prepare('silent'), prepare('info')]);
  const recordedFile = join(work, 'recorded.json');
  await writeFile(recordedFile, JSON.stringify(await Promise.all(quiet.requests.map((request) => recordAnswer(quiet.server.origin, request)))));
  const bare = await startProcess('bench/api-bare-server.ts', [recordedFile]);
  running.push(bare);

  const rows: string[] = [];
  const logRows: string[] = [];
  for (const [index, request] of quiet.requests.entries()) {
    const targets = [target(quiet.server.origin, request), target(bare.origin, request)];
    // The log's cost on the read routes; a write's cost is the store's.
    if (request.method === 'GET') targets.push(target(logged.server.origin, logged.requests[index]!));
    const [real, yardstick, withLog] = await measureSideBySide(targets);
    rows.push(`| ${request.name} | ${fmt(real!)} | ${fmt(yardstick!)} | ${(real! / yardstick!).toFixed(2)}× |`);
    if (withLog !== undefined) logRows.push(`| ${request.name} | ${fmt(real!)} | ${fmt(withLog)} | ${(100 * (1 - withLog / real!)).toFixed(1)} % |`);
  }
  const logBytes = logged.server.stdoutBytes();

  console.log(`\n${CONNECTIONS} connections, loopback, lowdb store; each figure ${ROUNDS} × 1 s in turns after ${WARM_UP_SECONDS} s of warm-up\n`);
  console.log('| route | req/s server | req/s bare node:http | ratio |\n|---|---|---|---|');
  console.log(rows.join('\n'));
  console.log(`\nRequest log, OZ_LOG_LEVEL=info vs silent (${(logBytes / 1024 / 1024).toFixed(1)} MB of log written to the server's stdout, a file):\n`);
  console.log('| route | req/s log off | req/s log on | throughput lost |\n|---|---|---|---|');
  console.log(logRows.join('\n'));
} finally {
  await Promise.all(running.map((process) => process.stop()));
  await rm(work, { recursive: true, force: true });
}
