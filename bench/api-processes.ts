// The processes `npm run bench:api` measures: the real server and the bare one, each on its own.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testServerEnv } from '../scripts/test-server-env.mjs';

export interface BenchProcess {
  origin: string;
  /** CPU seconds (user + system) the process has used so far, from /proc (Linux); NaN elsewhere. */
  cpuSeconds: () => number;
  /** Bytes the process wrote to stdout (its request log, when on). */
  stdoutBytes: () => number;
  /** The start of what the process wrote to stdout (what it said when it started). */
  head: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <script> …args` and waits for its «listening on http://…» line.
 * `nodeArgs` such as `--cpu-prof` profile it under the benchmark's load.
 */
export async function startProcess(script: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchProcess> {
  // stdout (the request log, when on) goes to a file, as a process manager keeps it: the server
  // pays for its writes, and the load generator does not also play the log collector.
  const dir = mkdtempSync(join(tmpdir(), 'oz-bench-out-'));
  const file = join(dir, 'stdout.log');
  const fd = openSync(file, 'w');
  // BENCH_SERVER_CPUS: the CPUs the servers may run on (taskset), to keep them off the load's.
  const cpus = process.env.BENCH_SERVER_CPUS;
  const command = [process.execPath, ...nodeArgs, '--import', 'tsx', script, ...args];
  const child = spawn(cpus ? 'taskset' : command[0]!, cpus ? ['-c', cpus, ...command] : command.slice(1), {
    env: testServerEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', fd, 'pipe'],
  });
  closeSync(fd);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const head = () => readFileSync(file, 'utf8').slice(0, 10_000);
  let origin: string | undefined;
  for (let waited = 0; !origin; waited += 50) {
    if (exited !== undefined) throw new Error(`${script} exited with ${exited}:\n${head()}${stderr}`);
    if (waited > 60_000) throw new Error(`${script} did not start:\n${head()}${stderr}`);
    origin = /listening on (http:\/\/[^\s]+)/.exec(head())?.[1];
    if (!origin) await sleep(50);
  }
  return {
    origin,
    cpuSeconds: () => {
      try {
        // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return Number.NaN;
      }
    },
    stdoutBytes: () => statSync(file).size,
    head,
    stop: async () => {
      if (child.exitCode === null) {
        const done = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
