// The processes `npm run bench:api` measures: the real server and the bare one, each on its own.
import { spawn } from 'node:child_process';
import { testServerEnv } from '../scripts/test-server-env.mjs';

export interface BenchProcess {
  origin: string;
  /** Bytes the process wrote to stdout (its request log, when on). */
  stdoutBytes: () => number;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <script> …args` and waits for its «listening on http://…» line.
 * `nodeArgs` such as `--cpu-prof` profile it under the benchmark's load.
 */
export async function startProcess(script: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    env: testServerEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let head = '';
  let bytes = 0;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${head}${stderr}`)), 60_000);
    // The request log goes down a pipe, as under a process manager; read it and count it only.
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length > 10_000) return;
      head += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(head);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${head}${stderr}`)));
  });
  return {
    origin,
    stdoutBytes: () => bytes,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
