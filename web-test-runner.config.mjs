// Element tests in headless Chromium against the REAL API server (server/src/main.ts), started
// fresh for every run on a free port with an empty data directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { failureDigestReporter } from './scripts/wtr-failure-digest.mjs';
import { testServerEnv } from './scripts/test-server-env.mjs';
import { CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

/** Asks the OS for a port nobody uses, so parallel runs and other local servers never collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const pagePort = await freePort();
const apiPort = await freePort();
// CORS must allow the test page; browsers may show it under either loopback name.
const pageOrigins = [`http://localhost:${pagePort}`, `http://127.0.0.1:${pagePort}`];
// The server binds 0.0.0.0 (IPv4); "localhost" could resolve to ::1 first.
const apiOrigin = `http://127.0.0.1:${apiPort}`;

/** Starts the API as a child process and stops it (and removes its data) when the run ends. */
function apiServerPlugin() {
  let child;
  let dataDir;
  return {
    name: 'oz-api-server',
    async serverStart() {
      dataDir = mkdtempSync(join(tmpdir(), 'oz-wtr-'));
      child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--demo'], {
        env: testServerEnv({
          PORT: String(apiPort),
          OZ_DATA_DIR: dataDir,
          OZ_ALLOWED_ORIGINS: pageOrigins.join(','),
          // Tests sign in far more often than a person could, and hundreds of times: light hashing (--demo only).
          OZ_RATE_LIMIT_PER_MINUTE: '0',
          OZ_TEST_FAST_PASSWORD_HASHING: '1',
          OZ_LOG_LEVEL: process.env.OZ_LOG_LEVEL ?? 'error',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await waitForListening(child);
    },
    // The API's SMS outbox (no gateway in tests), so a test can read a one-time password as a person would.
    serve(context) {
      if (context.path !== '/__oz-test__/sms-outbox' || !dataDir) return undefined;
      const file = join(dataDir, 'sms-outbox.jsonl');
      return { body: existsSync(file) ? readFileSync(file, 'utf8') : '', type: 'txt' };
    },
    async serverStop() {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForListening(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('the API server did not start within 30 s')), 30_000);
    const fail = (error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    };
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('listening on http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the API server exited with code ${code}`)));
  });
}

/**
 * openvidu-browser is CommonJS only, which the browser cannot import as served: bundle it once to an
 * ES module (per installed version) and point `import('openvidu-browser')` at that file.
 */
function openviduBrowserEsmPlugin() {
  const require = createRequire(import.meta.url);
  const { version } = require('openvidu-browser/package.json');
  const outfile = `node_modules/.cache/oz-wtr/openvidu-browser-${version}.js`;
  return {
    name: 'oz-openvidu-browser-esm',
    async serverStart() {
      if (existsSync(outfile)) return;
      const names = Object.keys(require('openvidu-browser'));
      const { outputFiles } = await build({
        stdin: { contents: `export { ${names.join(', ')} } from 'openvidu-browser';`, resolveDir: process.cwd() },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
        outfile,
        write: false,
        logLevel: 'warning',
      });
      // Written aside and renamed: runs started at the same time never read half a file.
      mkdirSync(dirname(outfile), { recursive: true });
      const temporary = `${outfile}.${process.pid}.tmp`;
      writeFileSync(temporary, outputFiles[0].contents);
      renameSync(temporary, outfile);
    },
    resolveImport({ source }) {
      if (source === 'openvidu-browser') return `/${outfile}`;
      return undefined;
    },
  };
}

export default {
  // The sources' tests, and the built bundle's (test/built: `npm test` builds before this step).
  files: ['packages/widgets/src/**/*.test.ts', 'packages/widgets/test/built/*.test.ts'],
  nodeResolve: true,
  port: pagePort,
  hostname: 'localhost',
  concurrency: 1,
  // A test that signs several people up and waits for live updates needs room on a loaded 2-core CI machine.
  testFramework: { config: { timeout: 30_000 } },
  testsFinishTimeout: 300_000,
  // The default 20 s is short for a loaded 2-core machine serving a large file's first imports.
  testsStartTimeout: 120_000,
  // Lit's dev-mode notice is printed once per file: 70 times the same line hides what matters.
  filterBrowserLogs: ({ args }) => !args.some((arg) => typeof arg === 'string' && arg.startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), failureDigestReporter()],
  plugins: [
    // As in the build (vite.config.ts): browser code gets zod/mini, which @oz/contracts/forms is written for.
    // (A resolved import is final here, so it is the served path of zod/mini's ES module.)
    { name: 'oz-zod-mini', resolveImport: ({ source }) => (source === 'zod' ? new URL(import.meta.resolve('zod/mini')).pathname.slice(process.cwd().length) : undefined) },
    openviduBrowserEsmPlugin(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'auto' }),
    apiServerPlugin(),
  ],
  // Tests read the API origin from here (see packages/widgets/test/api.ts).
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="ru">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /></head>
  <body>
    <script>window.__OZ_TEST_API__ = ${JSON.stringify(apiOrigin)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          // Video room tests: fake camera and microphone, permission granted without a prompt, and
          // ICE candidates on a machine that has only the loopback interface.
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          '--allow-loopback-in-peer-connection',
        ],
      },
    }),
  ],
};
