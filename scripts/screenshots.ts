/**
 * Pictures of the widgets from the real sample pages of this checkout, on a fresh demo server:
 *
 *   npm run screenshots                              the README's pictures → docs/screenshots/
 *   npm run screenshots -- --only oz-chat,low-vision just these of them
 *   npm run screenshots -- --pages [--out DIR]       every sample page, full length, to look through
 *                                                    (default tmp/screenshots)
 *   npm run screenshots -- --compare DIR_A DIR_B     pixel differences between two runs
 *
 * Needs a build (`npm run build`). Two runs on the same day compare cleanly: the demo data and the
 * clock's day are the same.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { comparePictures } from './screenshots/compare.ts';
import { startDemoServer, tellDemoStory } from './screenshots/demo-story.ts';
import { captureElementPictures } from './screenshots/element-pictures.ts';
import { capturePages } from './screenshots/page-review.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (args[0] === '--compare') {
  await comparePictures(resolve(args[1]!), resolve(args[2]!));
} else {
  const server = await startDemoServer();
  const browser = await chromium.launch({
    executablePath: findChromium({ install: false }),
    headless: true,
    // The video room's device check shows Chromium's test pattern instead of asking for a camera.
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  });
  try {
    const story = await tellDemoStory(server);
    if (args.includes('--pages')) await capturePages(browser, server.origin, story, resolve(option('--out') ?? 'tmp/screenshots'));
    else {
      const only = option('--only')?.split(',') ?? [];
      await captureElementPictures(browser, server.origin, story, resolve(option('--out') ?? 'docs/screenshots'), only);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
