// `npm run bench:api:compare -- <other checkout>`: this checkout's server against another's (e.g. a
// `git worktree` of the previous commit, with its node_modules), each with the request log off and
// on: four servers loaded in turns, a different one first each round, so the machine's drift falls
// on all alike. Prints req/s and CPU µs per answer of each, this/other, and each one's log cost.
// A steadier comparison of two versions than two runs of `bench:api` on a busy 2-core machine.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { prepareBenchRequests } from './api-setup.ts';
import { startProcess, type BenchProcess } from './api-processes.ts';
const other = process.argv[2];
if (!other) throw new Error('usage: npm run bench:api:compare -- <path of the other checkout>');
const work = await mkdtemp(join(tmpdir(), 'oz-bench-compare-'));
const start = (root: string, name: string, lvl: string) => startProcess(root + 'server/src/main.ts', ['--demo'], { OZ_DATA_DIR: join(work, name), OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: lvl });
const servers: [string, BenchProcess][] = [];
for (const [name, root, lvl] of [['this', '', 'silent'], ['other', `${other}/`, 'silent'], ['this+log', '', 'info'], ['other+log', `${other}/`, 'info']] as const) servers.push([name, await start(root, name, lvl)]);
const reqs = await Promise.all(servers.map(([name, s]) => prepareBenchRequests(s.origin, join(work, name))));
const ROUNDS = Number(process.env.ROUNDS ?? 8);
try {
  for (let r = 0; r < reqs[0]!.length; r++) {
    if (reqs[0]![r]!.method !== 'GET') continue;
    const total = servers.map(() => ({ n: 0, t: 0, cpu: 0 }));
    for (let round = -1; round < ROUNDS; round++) {
      for (let k = 0; k < servers.length; k++) {
        const i = (k + Math.max(round, 0)) % servers.length;
        const s = servers[i]![1]; const q = reqs[i]![r]!;
        const c0 = s.cpuSeconds();
        const res = await autocannon({ url: s.origin + q.path, headers: q.headers, connections: 16, duration: 0.6 });
        if (round >= 0) { total[i]!.n += res.requests.total; total[i]!.t += res.duration; total[i]!.cpu += s.cpuSeconds() - c0; }
      }
    }
    const rate = total.map((x) => x.n / x.t); const cpu = total.map((x) => (1e6 * x.cpu) / x.n);
    console.log(reqs[0]![r]!.name.padEnd(30), servers.map(([n], i) => `${n} ${rate[i]!.toFixed(0)}/s ${cpu[i]!.toFixed(1)}µs`).join(' | '), `this/other ${(rate[0]! / rate[1]!).toFixed(2)}, log cost this ${((1 - rate[2]! / rate[0]!) * 100).toFixed(1)} %, other ${((1 - rate[3]! / rate[1]!) * 100).toFixed(1)} %`);
  }
} finally {
  await Promise.all(servers.map(([, s]) => s.stop()));
}
