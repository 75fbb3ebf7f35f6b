// The real server, as main.ts makes it, with its request log switched on and off many times a
// second while `npm run bench:api` loads it without pause: the only difference between the two
// states is the log, and the machine's drift falls on both alike. Two processes of the same server,
// or two apps in one process, differ by more than the 5 % budget from run to run (README's
// performance section).
// Prints «log switch at <origin>» and «listening on <origin>». On the switch: POST /run starts
// switching, POST /stop ends it and answers what each state counted (`SwitchedCounts`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/src/config.ts';
import { openPorts } from '../server/src/adapters/open-ports.ts';
import { createServices } from '../server/src/services/index.ts';
import { createApp } from '../server/src/app.ts';
import { serveApp } from '../server/src/http/serve-app.ts';
import { createLogger, flushLog } from '../server/src/lib/logger.ts';
import { STATIC_DIRS } from '../server/src/paths.ts';
import { seedDemoData } from '../server/src/seed/demo.ts';
import { balancedOrders } from './balanced-orders.ts';

/**
 * How long each state lasts: hundreds of answers and a 64 kB block of log or two, and short against
 * the machine's drift. With 200 ms windows, two counts of the log off still came out 3-11 % apart
 * in 12 s; with 50 ms, mostly under 2 %.
 */
const WINDOW_MS = 50;
/** The log off counts as two states, so how far apart those two come out says how far to trust the third. */
const STATES = [
  { label: 'off', level: 'silent' },
  { label: 'on', level: 'info' },
  { label: 'off again', level: 'silent' },
] as const;

/** What each state counted in a run, and how long each window was. */
export interface SwitchedCounts {
  windowMs: number;
  states: { label: string; requests: number; seconds: number; cpuSeconds: number }[];
}

const config = loadConfig();
const ports = await openPorts(config);
const services = createServices(ports, config);
await seedDemoData(ports.store, services.accounts, services.duty);
const logger = createLogger('silent');
const app = createApp({ config, services, staticDirs: STATIC_DIRS, logger });

/** The states in the order they take turns: each follows every other equally often. */
const sequence = balancedOrders(STATES.length).flat();
let counts: SwitchedCounts['states'] = [];
let current = -1;
let step = 0;
let since = { at: 0, cpu: 0 };
let timer: NodeJS.Timeout | undefined;

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage(); // every thread's: the log's writes are libuv's
  return (user + system) / 1e6;
};

/** Closes the current state's window and opens the next one's. */
function switchState(): void {
  const now = { at: performance.now(), cpu: cpuSeconds() };
  if (current >= 0) {
    counts[current]!.seconds += (now.at - since.at) / 1000;
    counts[current]!.cpuSeconds += now.cpu - since.cpu;
    // What the log gathered goes to its destination now, not in another state's window.
    if (STATES[current]!.level === 'info') void flushLog(logger);
  }
  current = sequence[step++ % sequence.length]!;
  logger.level = STATES[current]!.level;
  since = { at: performance.now(), cpu: cpuSeconds() };
}

const control = createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/run') {
    clearInterval(timer); // a run asked for twice starts over, with one timer
    counts = STATES.map(({ label }) => ({ label, requests: 0, seconds: 0, cpuSeconds: 0 }));
    step = 0;
    current = -1;
    switchState();
    timer = setInterval(switchState, WINDOW_MS);
    response.writeHead(204).end();
  } else if (request.method === 'POST' && request.url === '/stop' && timer) {
    switchState();
    clearInterval(timer);
    timer = undefined;
    logger.level = 'silent';
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ windowMs: WINDOW_MS, states: counts } satisfies SwitchedCounts));
  } else {
    response.writeHead(404).end();
  }
});
control.listen(0, '127.0.0.1', () => {
  console.log(`log switch at http://127.0.0.1:${(control.address() as AddressInfo).port}`);
  const server = serveApp(app, { port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => console.log(`listening on http://127.0.0.1:${info.port}`));
  // Counted as requests come: the few in flight at a switch even out over the windows.
  server.on('request', () => {
    if (timer) counts[current]!.requests += 1;
  });
});
process.once('SIGTERM', () => process.exit(0));
