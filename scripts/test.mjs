// `npm test`: every test of the project, in order, with one summary at the end.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';
import { withoutLoopbackProxy } from './test-server-env.mjs';
import { DIGEST_START } from './wtr-failure-digest.mjs';

/** Node 20's test runner does not look for .ts files itself. */
const testFiles = (...dirs) =>
  dirs.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort().map((name) => join(dir, name)));

const node = process.execPath;
const STEPS = [
  { name: 'typecheck', command: node, args: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
  // Before the server tests: they check that the server sends what the build made (custom-elements.json).
  { name: 'build', command: node, args: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'] },
  {
    name: 'server and contracts',
    command: node,
    args: ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...testFiles('server/test', 'packages/contracts/test', 'scripts')],
    counts: nodeTestCounts,
    failures: nodeTestFailures,
  },
  {
    name: 'elements (Chromium)',
    command: node,
    args: ['node_modules/@web/test-runner/dist/bin.js'],
    counts: webTestRunnerCounts,
    failures: (output) => textFrom(output, DIGEST_START),
  },
  {
    name: 'end to end (Chromium)',
    command: node,
    args: ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...testFiles('e2e')],
    counts: nodeTestCounts,
    failures: nodeTestFailures,
  },
];

function nodeTestCounts(output) {
  const pass = /ℹ pass (\d+)/.exec(output);
  const fail = /ℹ fail (\d+)/.exec(output);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
}

function webTestRunnerCounts(output) {
  const matches = [...output.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}

/** The output from a marker line on, or null. */
function textFrom(output, marker) {
  const start = output.lastIndexOf(marker);
  return start === -1 ? null : output.slice(start + marker.length).trim();
}

/** The spec reporter's closing list of failing tests (with their errors). */
function nodeTestFailures(output) {
  return textFrom(output, '✖ failing tests:');
}

// CI keeps the tail of the log: the failures are repeated there, briefly.
const DIGEST_LINES = 60;

function run(step, env) {
  return new Promise((resolve) => {
    console.log(`\n━━ ${step.name} ━━`);
    const child = spawn(step.command, step.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  let chromium;
  try {
    chromium = findChromium();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const env = withoutLoopbackProxy({ ...process.env, CHROME_PATH: chromium, FORCE_COLOR: '0', NO_COLOR: '1' });
  const summary = [];
  const digests = [];
  let passed = 0;
  let failed = 0;
  for (const step of STEPS) {
    const started = Date.now();
    const { code, output } = await run(step, env);
    const counts = step.counts?.(output) ?? null;
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
    // A step that fails without test counts (a type error, a crashed runner) still fails the run.
    if (code !== 0 && (!counts || counts.failed === 0)) failed += 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const result = counts ? `${counts.passed} passed, ${counts.failed} failed` : code === 0 ? 'ok' : `exit code ${code}`;
    summary.push(`${code === 0 ? '✔' : '✖'} ${step.name.padEnd(24)} ${result} (${seconds} s)`);
    if (code !== 0) {
      const lines = (step.failures?.(output) ?? output.trim()).split('\n');
      const shown = lines.length > DIGEST_LINES ? [...lines.slice(0, DIGEST_LINES), `… and ${lines.length - DIGEST_LINES} more lines`] : lines;
      digests.push(`━━ ${step.name}: what failed ━━\n${shown.join('\n')}`);
    }
  }
  for (const digest of digests) console.log(`\n${digest}`);
  console.log(`\n━━ summary ━━\n${summary.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
