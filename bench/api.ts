// On-demand API benchmark: `npm run bench:api`. Starts the real server on loopback with a
// fresh store and measures a few routes with a bounded number of requests.
import { startServer } from '../e2e/harness.ts';

const CONCURRENCY = 16;

async function measure(name: string, total: number, request: () => Promise<Response>): Promise<string> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        const response = await request();
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  return `| ${name} | ${total} | ${(total / seconds).toFixed(0)} | ${p(0.5)} | ${p(0.99)} |`;
}

const server = await startServer(['--demo'], { OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: 'silent' });
try {
  const api = `${server.origin}/api/v1`;
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone: '+79000000001', password: 'demo-bakulev' }),
  });
  const { token } = (await login.json()) as { token: string };
  await measure('warm-up', 500, () => fetch(`${api}/centers`)); // let the JIT settle first
  const rows = [
    await measure('GET /centers', 3000, () => fetch(`${api}/centers`)),
    await measure('GET /me (token lookup)', 3000, () => fetch(`${api}/me`, { headers: { Authorization: `Bearer ${token}` } })),
    await measure('POST /auth/login (scrypt N=2^17)', 40, () =>
      fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: '+79000000001', password: 'demo-bakulev' }),
      }),
    ),
  ];
  console.log(`concurrency ${CONCURRENCY}, loopback, lowdb store\n`);
  console.log('| route | requests | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|');
  console.log(rows.join('\n'));
} finally {
  await server.stop();
}
