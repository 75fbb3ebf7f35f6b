// `node --import tsx bench/api-profile.ts [seconds] [route-name-part]`: where the server's time goes
// under the load of `npm run bench:api`. The real server runs with --cpu-prof, each bench route is
// loaded in turn, and the top functions (self time) and a few inclusive figures are printed per
// route. A tool for finding work to remove, not a benchmark: profiling slows everything alike.
// OZ_LOG_LEVEL=info profiles the server with its request log on; BARE=1 profiles the bare node:http
// server on the same answers too, HONO=1 the minimal Hono app; MIN_INCLUSIVE=0.002 lists smaller inclusive shares (default 0.02).
// Code run through tsx shows as line 1 of its file, told apart by column.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { prepareBenchRequests } from './api-setup.ts';
import { recordAnswer } from './api-recording.ts';
import { startProcess } from './api-processes.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const seconds = Number(process.argv[2] ?? 5);
const only = process.argv[3];
const work = await mkdtemp(join(tmpdir(), 'oz-bench-profile-'));
try {
  const dataDir = join(work, 'data');
  const probe = await startProcess('server/src/main.ts', ['--demo'], { OZ_DATA_DIR: dataDir, OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: 'silent' });
  const requests = (await prepareBenchRequests(probe.origin, dataDir)).filter((request) => request.method === 'GET' && (!only || request.name.includes(only)));
  const recordedFile = join(work, 'recorded.json');
  await writeFile(recordedFile, JSON.stringify(await Promise.all(requests.map((request) => recordAnswer(probe.origin, request)))));
  await probe.stop();
  const logLevel = process.env.OZ_LOG_LEVEL ?? 'silent';
  // The bare server too (BARE=1): its busy time per request is what the real one is measured against.
  const servers = [
    { name: 'server', script: 'server/src/main.ts', args: [] as string[] },
    ...(process.env.BARE ? [{ name: 'bare node:http', script: 'bench/api-bare-server.ts', args: [recordedFile] }] : []),
    ...(process.env.HONO ? [{ name: 'minimal Hono app', script: 'bench/api-hono-server.ts', args: [recordedFile] }] : []),
  ];
  for (const request of requests) {
    for (const { name, script, args } of servers) {
      const profileDir = join(work, `profile-${requests.indexOf(request)}-${name}`);
      const server = await startProcess(script, args, { OZ_DATA_DIR: dataDir, OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_LOG_LEVEL: logLevel, OZ_SMS_OUTBOX: '1' }, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
      const result = await autocannon({ url: server.origin + request.path, method: request.method, headers: request.headers, connections: 16, duration: seconds });
      await server.stop();
      const file = (await readdir(profileDir)).find((entry) => entry.endsWith('.cpuprofile'))!;
      const profile = JSON.parse(await readFile(join(profileDir, file), 'utf8')) as Profile;
      console.log(`\n## ${request.name} on ${name}: ${(result.requests.total / seconds).toFixed(0)} req/s under the profiler, statuses ${JSON.stringify(result.statusCodeStats)}`);
      report(profile, result.requests.total);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Self time of the top functions, and inclusive time per request of every function over 2 %. */
function report(profile: Profile, requests: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  for (const sample of profile.samples) self.set(sample, (self.get(sample) ?? 0) + 1);
  const total = profile.samples.length;
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url.replace(/^.*\/(node_modules\/)?/, (match) => (match.includes('node_modules') ? 'nm:' : '')).replace(/^file:\/\//, '');
    return `${functionName || '(anonymous)'} ${url.includes('node_modules') ? url.slice(url.lastIndexOf('node_modules/') + 13) : where}:${lineNumber + 1}:${columnNumber + 1}`;
  };
  const selfByLabel = new Map<string, number>();
  const inclusiveByLabel = new Map<string, number>();
  for (const [id, count] of self) {
    selfByLabel.set(label(byId.get(id)!), (selfByLabel.get(label(byId.get(id)!)) ?? 0) + count);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusiveByLabel.set(name, (inclusiveByLabel.get(name) ?? 0) + count);
    }
  }
  const idle = selfByLabel.get('(idle) :0:0') ?? 0;
  const busy = total - idle;
  console.log(`samples ${total}, idle ${((100 * idle) / total).toFixed(1)} %; busy µs per request ≈ ${((busy / total) * seconds * 1e6 / requests).toFixed(1)}`);
  const top = (map: Map<string, number>, min: number) =>
    [...map].filter(([, count]) => count / busy >= min).sort((a, b) => b[1] - a[1]).map(([name, count]) => `${((100 * count) / busy).toFixed(1).padStart(5)} %  ${name}`);
  console.log('self (share of busy time):');
  console.log(top(selfByLabel, 0.004).slice(0, 60).join('\n'));
  console.log('inclusive:');
  console.log(top(inclusiveByLabel, Number(process.env.MIN_INCLUSIVE ?? 0.02)).slice(0, 400).join('\n'));
}
