import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './harness.ts';
import { freshDatabaseUrl } from '../server/test/store/test-databases.ts';

/** nginx from Debian's package (`.ci/run` installs nginx-light), or null. */
export function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Instances {
  /** nginx's address: the one page address both people use. */
  origin: string;
  /** The data folder both instances share: their SMS outbox is there. */
  dataDir: string;
  instances: RunningServer[];
  nginxOutput(): string;
  stop(): Promise<void>;
}

/**
 * Two API instances on one fresh PostgreSQL database and one data folder, behind nginx running
 * examples/deploy/nginx.conf (its ports swapped for free ones), as a region would deploy them.
 */
export async function startInstancesBehindNginx(nginx: string, env: Record<string, string> = {}): Promise<Instances> {
  const database = await freshDatabaseUrl();
  if (!database) throw new Error('no PostgreSQL server answers');
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-instances-'));
  const settings = { DATABASE_URL: database.url, OZ_DATA_DIR: dataDir, OZ_TRUST_PROXY: 'true', ...env };
  const instances: RunningServer[] = [];
  let nginxProcess: ChildProcess | undefined;
  let nginxOutput = '';
  const prefix = await mkdtemp(join(tmpdir(), 'oz-nginx-'));
  const stop = async () => {
    if (nginxProcess && nginxProcess.exitCode === null) {
      const exited = new Promise((resolve) => nginxProcess!.once('exit', resolve));
      nginxProcess.kill('SIGQUIT');
      await exited;
    }
    for (const instance of instances) await instance.stop();
    await rm(prefix, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  };
  try {
    // The first seeds the demo accounts into the empty database; the second finds them there.
    instances.push(await startServer(['--demo'], settings));
    instances.push(await startServer(['--demo'], settings));
    const port = await freePort();
    const template = await readFile(new URL('../examples/deploy/nginx.conf', import.meta.url), 'utf8');
    const ports = instances.map((instance) => new URL(instance.origin).port);
    const config = template
      .replace('listen 8080;', `listen 127.0.0.1:${port};`)
      .replace('127.0.0.1:8081', `127.0.0.1:${ports[0]}`)
      .replace('127.0.0.1:8082', `127.0.0.1:${ports[1]}`);
    if (config === template || config.includes(':8081') || config.includes(':8082')) throw new Error('examples/deploy/nginx.conf no longer has the ports the test replaces');
    await writeFile(join(prefix, 'nginx.conf'), config);
    // nginx's workers drop root for an unprivileged user: they must reach the temporary files
    // of large uploads and answers (the room's 4 MB connection test) under the prefix.
    await chmod(prefix, 0o755);
    nginxProcess = spawn(nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginxProcess.stdout?.on('data', (chunk) => (nginxOutput += chunk));
    nginxProcess.stderr?.on('data', (chunk) => (nginxOutput += chunk));
    await waitForPort(port);
    return { origin: `http://127.0.0.1:${port}`, dataDir, instances, nginxOutput: () => nginxOutput, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${nginxOutput}`);
  }
}

/** The request lines of an instance's structured log (server/src/http/request-log.ts). */
export function requestLines(instance: RunningServer): { method: string; route: string }[] {
  return instance
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { method?: unknown; route?: unknown };
        return typeof entry.method === 'string' && typeof entry.route === 'string' ? [{ method: entry.method, route: entry.route }] : [];
      } catch {
        return [];
      }
    });
}

/** Which instance answered requests to routes matching `route`: counts per instance, from their request logs. */
export function servedBy(instances: RunningServer[], method: string, route: RegExp): number[] {
  return instances.map((instance) => requestLines(instance).filter((entry) => entry.method === method && route.test(entry.route)).length);
}
