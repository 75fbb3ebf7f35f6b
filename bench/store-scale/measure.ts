// The app as main.ts builds it (loadConfig + openPorts + createServices + createApp), served on a
// real loopback port in this process, and sequential requests to it with fetch.
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { loadConfig } from '../../server/src/config.ts';
import { openPorts } from '../../server/src/adapters/open-ports.ts';
import { createServices } from '../../server/src/services/index.ts';
import { createApp } from '../../server/src/app.ts';
import { serveApp } from '../../server/src/http/serve-app.ts';

export interface RunningApp {
  api: string;
  stop(): Promise<void>;
}

/** `env` as the server would read it; sign-in limits and request logs off so they measure nothing. */
export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: 'silent', ...env });
  const ports = await openPorts(config);
  const app = createApp({ config, services: createServices(ports, config) });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serveApp(app, { port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}/api/v1`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ports.close();
    },
  };
}

export interface Series {
  latencies: number[];
  /** Stopped at the time budget before `count` requests. */
  cut: boolean;
}

/**
 * `count` requests one after another (the next starts when the previous body is read), fewer when
 * `budgetMs` runs out after at least `minimum` of them: a 100k lowdb write takes seconds.
 */
export async function series(count: number, budgetMs: number, minimum: number, request: (i: number) => Promise<Response>, expected: number): Promise<Series> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    if (latencies.length >= minimum && performance.now() - started > budgetMs) return { latencies, cut: true };
    const t0 = performance.now();
    const response = await request(i);
    const body = await response.text();
    const elapsed = performance.now() - t0;
    if (response.status !== expected) throw new Error(`${response.url}: HTTP ${response.status} ${body.slice(0, 300)}`);
    latencies.push(elapsed);
  }
  return { latencies, cut: false };
}

/** Nearest-rank percentile. */
export function percentile(latencies: number[], q: number): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
