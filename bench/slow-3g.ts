// On-demand: `npm run bench:slow3g` (builds first). A signed-in resident opens the portal sample
// page on a slow rural link (400 ms round trip, 400 kbit/s each way, Chromium's network
// emulation), cache empty: when do the widgets first show words, and when can <oz-apply> be used
// (its list of medical centers is there to choose from)? Budget (issue 12): interactive ≤ 3 s.
// Twice: from the demo server itself (HTTP/1.1, six connections per site), and through nginx over
// HTTPS with HTTP/2 (bench/https-proxy.ts), as a site on the internet serves it.
import type { Browser } from 'playwright-core';
import { launchChromium, registerViaApi, startServer, uniquePhone } from '../e2e/harness.ts';
import { startHttpsProxy } from './https-proxy.ts';

const RTT_MS = 400;
const KBIT_PER_S = 400;
const BUDGET_MS = 3000;
const RUNS = Number(process.env.RUNS ?? 3);

// Passwords hashed at the real cost, as a real server does (the e2e harness makes them light).
const server = await startServer(['--demo'], { OZ_LOG_LEVEL: 'silent', OZ_RATE_LIMIT_PER_MINUTE: '0', OZ_TEST_FAST_PASSWORD_HASHING: '' });
const browser = await launchChromium();
try {
  const { token } = await registerViaApi(server.origin, server.dataDir, {
    fullName: 'Смирнова Анна Ивановна',
    birthDate: '1950-03-12',
    phone: `+7${uniquePhone().replace(/\D/g, '').slice(1)}`,
    password: 'Ромашка-2024',
  });
  type Result = { text: number; heading: number; interactive: number; requests: number; kb: number };
  const measure = async (origin: string): Promise<Result[]> => {
    const results: Result[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU', ignoreHTTPSErrors: true });
      // Signed in from an earlier visit: the token is where the widgets keep it (per API origin).
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`oz:session:${origin}`, token] as const);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: RTT_MS,
        downloadThroughput: (KBIT_PER_S * 1000) / 8,
        uploadThroughput: (KBIT_PER_S * 1000) / 8,
      });
      let requests = 0;
      let bytes = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        requests += 1;
        bytes += event.encodedDataLength;
      });
      await page.goto(`${origin}/portal.html`, { waitUntil: 'commit' });
      // Functions, not strings: the portal's Content-Security-Policy forbids evaluating strings.
      const at = (moment: 'text' | 'heading' | 'interactive') =>
        page.waitForFunction(
          (kind) => {
            const root = document.querySelector('oz-apply')?.shadowRoot;
            if (!root) return false;
            const reached =
              kind === 'text' ? (root.textContent ?? '').trim().length > 0 : kind === 'heading' ? root.querySelector('h2') : root.querySelector('input[name="centerId"]');
            return reached ? performance.now() : false;
          },
          moment,
          { polling: 20, timeout: 60_000 },
        );
      const text = Number(await (await at('text')).jsonValue());
      const heading = Number(await (await at('heading')).jsonValue());
      const interactive = Number(await (await at('interactive')).jsonValue());
      await page.waitForLoadState('networkidle');
      results.push({ text, heading, interactive, requests, kb: bytes / 1024 });
      await context.close();
    }
    return results;
  };
  const direct = await measure(server.origin);
  const proxy = await startHttpsProxy(server.origin);
  const viaHttp2 = proxy ? await measure(proxy.origin).finally(() => proxy.stop()) : undefined;
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const cell = (results: Result[] | undefined, key: keyof Result, unit: 's' | 'n' | 'kb') => {
    if (!results) return 'no nginx or openssl';
    const value = median(results.map((r) => r[key]));
    return unit === 's' ? `${(value / 1000).toFixed(2)} s` : unit === 'kb' ? `${value.toFixed(0)} KB` : `${value}`;
  };
  console.log(`slow 3G (${RTT_MS} ms RTT, ${KBIT_PER_S} kbit/s), signed-in resident, portal.html, empty cache, median of ${RUNS}\n`);
  console.log('| navigation → | the server itself, HTTP/1.1 | through nginx, HTTPS + HTTP/2 |\n|---|---|---|');
  console.log(`| first words in <oz-apply> («Загружаем…») | ${cell(direct, 'text', 's')} | ${cell(viaHttp2, 'text', 's')} |`);
  console.log(`| <oz-apply> heading | ${cell(direct, 'heading', 's')} | ${cell(viaHttp2, 'heading', 's')} |`);
  console.log(`| <oz-apply> interactive (centers to choose; budget ${(BUDGET_MS / 1000).toFixed(1)} s) | ${cell(direct, 'interactive', 's')} | ${cell(viaHttp2, 'interactive', 's')} |`);
  console.log(`| requests until the network is idle | ${cell(direct, 'requests', 'n')} | ${cell(viaHttp2, 'requests', 'n')} |`);
  console.log(`| bytes over the wire | ${cell(direct, 'kb', 'kb')} | ${cell(viaHttp2, 'kb', 'kb')} |`);
} finally {
  await browser.close();
  await server.stop();
}
