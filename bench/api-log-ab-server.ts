// One server process with the request log off on two ports and on on a third: the same config,
// store and services behind three apps, each as main.ts makes one. `npm run bench:api` loads the
// three in turns, so the log's cost is measured within one process: two processes of the same
// server differ by more than the 5 % budget from run to run (README's performance section).
// Prints «listening on <origin without the log>», «log on at <origin with it>» and «log off again at <origin>».
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../server/src/config.ts';
import { openPorts } from '../server/src/adapters/open-ports.ts';
import { createServices } from '../server/src/services/index.ts';
import { createApp } from '../server/src/app.ts';
import { serveApp } from '../server/src/http/serve-app.ts';
import { createLogger } from '../server/src/lib/logger.ts';
import { STATIC_DIRS } from '../server/src/paths.ts';
import { seedDemoData } from '../server/src/seed/demo.ts';

const config = loadConfig();
const ports = await openPorts(config);
const services = createServices(ports, config);
await seedDemoData(ports.store, services.accounts, services.duty);

const listen = (logLevel: 'silent' | 'info') =>
  new Promise<string>((resolve) => {
    const app = createApp({ config, services, staticDirs: STATIC_DIRS, logger: createLogger(logLevel) });
    serveApp(app, { port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
  });
// Made in this order, log off, on, off: an app made earlier measured 1-3 % slower on /consultations
// with the log off on both, so the one with the log is compared with one made before it and one after.
const quiet = await listen('silent');
const logged = await listen('info');
const quietAgain = await listen('silent');
// The first «listening on» is taken as the process's origin (bench/api-processes.ts).
console.log(`log on at ${logged}`);
console.log(`log off again at ${quietAgain}`);
console.log(`listening on ${quiet}`);
process.once('SIGTERM', () => process.exit(0));
