// On-demand: `npm run bench:pages` (builds first). What each sample page downloads of our
// JavaScript, as the browser receives it over the wire (the server's brotli), signed out.
import { launchChromium, startServer } from '../e2e/harness.ts';

const PAGES = ['portal.html', 'doctor.html', 'manager.html', 'video-room.html?consultation=none'];

const server = await startServer(['--demo'], { OZ_LOG_LEVEL: 'silent' });
const browser = await launchChromium();
try {
  console.log('| page | JS files | over the wire | unpacked |\n|---|---|---|---|');
  for (const path of PAGES) {
    const page = await browser.newPage();
    const sizes: { wire: number; raw: number; encoding: string }[] = [];
    page.on('response', async (response) => {
      if (!response.url().includes('/widgets/') || !response.url().endsWith('.js')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      const sent = await response.request().sizes().catch(() => ({ responseBodySize: body.length }));
      sizes.push({ wire: sent.responseBodySize, raw: body.length, encoding: (await response.allHeaders())['content-encoding'] ?? 'none' });
    });
    await page.goto(`${server.origin}/${path}`, { waitUntil: 'networkidle' });
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    const wire = sizes.reduce((sum, size) => sum + size.wire, 0);
    const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
    const encodings = [...new Set(sizes.map((size) => size.encoding))].join(', ');
    console.log(`| ${path.split('?')[0]} | ${sizes.length} | ${kb(wire)} (${encodings}) | ${kb(raw)} |`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
