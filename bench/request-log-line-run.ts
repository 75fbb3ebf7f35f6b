// Runs bench/request-log-line.ts in a process of its own, its stdout (the log) to a file, as
// bench/api.ts's servers have it; returns what it measured.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LogLineCost {
  lines: number;
  microsPerLine: number;
}

export async function measureLogLine(): Promise<LogLineCost> {
  const dir = mkdtempSync(join(tmpdir(), 'oz-bench-log-'));
  const fd = openSync(join(dir, 'stdout.log'), 'w');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/request-log-line.ts'], { stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`bench/request-log-line.ts exited with ${code}: ${stderr}`);
    return JSON.parse(stderr.trim().split('\n').at(-1)!) as LogLineCost;
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}
