// `npm run bench:api`: req/s of the real server (lowdb store, --demo data, rate limits off) as a
// ratio of a bare node:http server replaying the same bytes, each server in its own process and
// the load (autocannon) from this one; beside it a minimal Hono app replaying them too (what the
// framework alone costs); and what the request log costs, in one app whose log is switched on and
// off many times a second under load (bench/api-log-switched-server.ts). One run, about 5 minutes.
// BENCH_SERVER_CPUS=1 taskset -c 0 npm run bench:api: the servers on CPU 1, the load on CPU 0 (taskset).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { recordAnswer, type BenchRequest } from './api-recording.ts';
import { prepareBenchRequests } from './api-setup.ts';
import { startProcess, type BenchProcess } from './api-processes.ts';
import { measureLogLine } from './request-log-line-run.ts';
import { balancedOrders } from './balanced-orders.ts';
import type { SwitchedCounts } from './api-log-switched-server.ts';

const CONNECTIONS = 16;
/** `npm run bench:api -- consultations`: only the routes whose name has this in it. */
const only = process.argv[2];
/**
 * Each figure is the sum of this many short rounds, taken in turns with the figures it is compared
 * to, each round in another order (`balancedOrders`): the machine's drift then falls on all of them
 * alike, and none always runs first or after the same neighbour. (Five rounds of a second put the
 * log's cost anywhere from -9 % to +13 % on one build.) A multiple of 4 and of 6: whole sets of orders.
 */
const ROUNDS = 12;
const ROUND_SECONDS = 0.6;
const WARM_UP_SECONDS = 1;
/** The log's measurement: this long under load, the log switched many times a second (bench/api-log-switched-server.ts). */
const LOG_SECONDS = 30;

interface Target {
  server: BenchProcess;
  request: BenchRequest;
  requests: number;
  seconds: number;
  /** CPU seconds the server spent in the measured rounds. */
  cpu: number;
}

/** Load on one route of a server for a while; any unexpected status fails the benchmark. */
async function cannon(origin: string, request: BenchRequest, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({ url: origin + request.path, method: request.method, headers: request.headers, body: request.body, connections: CONNECTIONS, duration: seconds });
  const wrong = Object.keys(result.statusCodeStats ?? {}).filter((status) => Number(status) !== request.status);
  if (wrong.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${request.name} on ${origin}: statuses ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}

/** A measured round on a target. */
async function load(target: Target, seconds: number): Promise<void> {
  const cpuBefore = target.server.cpuSeconds();
  const result = await cannon(target.server.origin, target.request, seconds);
  target.requests += result.requests.total;
  target.seconds += result.duration;
  target.cpu += target.server.cpuSeconds() - cpuBefore;
}

/**
 * Warms each target up, then measures them in turns, a short round at a time: others' jobs on a shared
 * machine then slow all of them alike, and the ratios hold even where the absolute figures drift.
 */
async function measureSideBySide(targets: Target[]): Promise<{ rate: number; cpuMicros: number }[]> {
  for (const target of targets) {
    await load(target, WARM_UP_SECONDS);
    Object.assign(target, { requests: 0, seconds: 0, cpu: 0 });
  }
  const orders = balancedOrders(targets.length);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const index of orders[round % orders.length]!) await load(targets[index]!, ROUND_SECONDS);
  }
  return targets.map((target) => ({ rate: target.requests / target.seconds, cpuMicros: (1e6 * target.cpu) / target.requests }));
}

const target = (server: BenchProcess, request: BenchRequest): Target => ({ server, request, requests: 0, seconds: 0, cpu: 0 });
const startServer = (dataDir: string) => startProcess('server/src/main.ts', ['--demo'], { OZ_DATA_DIR: dataDir, OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: 'silent' });
const fmt = (value: number) => value.toFixed(0);
const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

const running: BenchProcess[] = [];
const work = await mkdtemp(join(tmpdir(), 'oz-bench-api-'));
try {
  const dataDir = join(work, 'server');
  const server = await startServer(dataDir);
  running.push(server);
  const requests = await prepareBenchRequests(server.origin, dataDir);
  // The log's cost in one app, switched on and off many times a second (bench/api-log-switched-server.ts).
  const logDataDir = join(work, 'log-switched');
  const logProcess = await startProcess('bench/api-log-switched-server.ts', [], { OZ_DATA_DIR: logDataDir, OZ_RATE_LIMIT_PER_MINUTE: '0' });
  running.push(logProcess);
  const logSwitch = /log switch at (http:\/\/\S+)/.exec(logProcess.head())![1]!;
  /** The route loaded without pause while the server switches its log; what each state counted. */
  const measureLogSwitched = async (request: BenchRequest): Promise<SwitchedCounts> => {
    const counted = async (seconds: number) => {
      await fetch(`${logSwitch}/run`, { method: 'POST' });
      await cannon(logProcess.origin, request, seconds);
      return (await (await fetch(`${logSwitch}/stop`, { method: 'POST' })).json()) as SwitchedCounts;
    };
    await counted(WARM_UP_SECONDS); // both states warmed up
    return counted(LOG_SECONDS);
  };
  const logRequests = await prepareBenchRequests(logProcess.origin, logDataDir);
  const recordedFile = join(work, 'recorded.json');
  await writeFile(recordedFile, JSON.stringify(await Promise.all(requests.map((request) => recordAnswer(server.origin, request)))));
  const bare = await startProcess('bench/api-bare-server.ts', [recordedFile]);
  running.push(bare);
  const hono = await startProcess('bench/api-hono-server.ts', [recordedFile]);
  running.push(hono);

  const rows: string[] = [];
  const logRows: string[] = [];
  const cpuRows: string[] = [];
  /** The real server's CPU time per answer on each read route, µs. */
  const answerMicros: [string, number][] = [];
  let logWindowMs = 0;
  for (const [index, request] of requests.entries()) {
    if (only && !request.name.includes(only)) continue;
    const [real, yardstick, framework] = await measureSideBySide([target(server, request), target(bare, request), target(hono, request)]);
    const ratio = (rate: number) => `${(rate / yardstick!.rate).toFixed(2)}×`;
    rows.push(`| ${request.name} | ${fmt(real!.rate)} | ${fmt(yardstick!.rate)} | ${ratio(real!.rate)} | ${ratio(framework!.rate)} |`);
    cpuRows.push(`| ${request.name} | ${real!.cpuMicros.toFixed(1)} | ${yardstick!.cpuMicros.toFixed(1)} | ${framework!.cpuMicros.toFixed(1)} |`);
    // The log's cost on the read routes; a write's cost is the store's.
    if (request.method !== 'GET') continue;
    const logRequest = logRequests[index]!;
    const switched = await measureLogSwitched(logRequest);
    logWindowMs = switched.windowMs;
    const [off, on, offAgain] = switched.states.map(({ requests, seconds, cpuSeconds }) => ({ rate: requests / seconds, cpuMicros: (1e6 * cpuSeconds) / requests }));
    const offRate = (off!.rate + offAgain!.rate) / 2;
    logRows.push(
      `| ${request.name} | ${fmt(offRate)} | ${fmt(on!.rate)} | ${percent(1 - on!.rate / offRate)} | ${percent(Math.abs(off!.rate - offAgain!.rate) / offRate)} | ${((off!.cpuMicros + offAgain!.cpuMicros) / 2).toFixed(1)} | ${on!.cpuMicros.toFixed(1)} |`,
    );
    answerMicros.push([request.name, real!.cpuMicros]);
  }
  const logBytes = logProcess.stdoutBytes();
  // The line by itself, in a process of its own with nothing else to do: a steady figure.
  const line = await measureLogLine();

  console.log(`\n${CONNECTIONS} connections, loopback, lowdb store; each figure ${ROUNDS} × ${ROUND_SECONDS} s in turns after ${WARM_UP_SECONDS} s of warm-up\n`);
  console.log('| route | req/s server | req/s bare node:http | ratio | minimal Hono app, ratio |\n|---|---|---|---|---|');
  console.log(rows.join('\n'));
  // The load generator shares the machine: when it, not the server, sets the pace, req/s hide what
  // each answer costs. The servers' own CPU time per answer does not depend on who sets the pace.
  console.log('\nCPU time per answer of each server process (user + system, from /proc), µs:\n');
  console.log('| route | server | bare node:http | minimal Hono app |\n|---|---|---|---|');
  console.log(cpuRows.join('\n'));
  console.log(
    `\nRequest log: one app under load for ${LOG_SECONDS} s, its log switched on (level info) and off every ${logWindowMs} ms, the windows with it off counted as two (${(logBytes / 1024 / 1024).toFixed(1)} MB of log written to its stdout, a file):\n`,
  );
  console.log(
    '| route | req/s log off | req/s log on | throughput lost | the two counts of the log off apart by | CPU µs per answer, log off | log on |\n|---|---|---|---|---|---|---|',
  );
  console.log(logRows.join('\n'));
  const shares = answerMicros.map(([name, micros]) => `${name} ${((100 * line.microsPerLine) / (micros + line.microsPerLine)).toFixed(1)} %`);
  console.log(`\nThe log line by itself (bench/request-log-line.ts, ${line.lines} lines to a file): ${line.microsPerLine.toFixed(2)} µs of CPU each,`);
  console.log(`the throughput it takes from a server that sets the pace, by the CPU time per answer above: ${shares.join(', ')}`);
} finally {
  await Promise.all(running.map((process) => process.stop()));
  await rm(work, { recursive: true, force: true });
}
