import type { Browser, Page } from 'playwright-core';
import type { DemoStory, Who } from './demo-story.ts';

export interface Viewport {
  label: string;
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
}

export const PHONE: Viewport = { label: '360', viewport: { width: 360, height: 800 } };
/** A 360-px phone at 200 % zoom: 180 CSS px at two device pixels each (WCAG 1.4.10 reflow). */
export const PHONE_ZOOMED: Viewport = { label: '180@2x', viewport: { width: 180, height: 400 }, deviceScaleFactor: 2 };
export const DESKTOP: Viewport = { label: '1280', viewport: { width: 1280, height: 900 } };

/**
 * Opens a sample page as a Russian-speaking resident of Moscow's time zone sees it, signed in as
 * `who` (the token stored where the widgets keep it), and waits until no element says it is
 * still loading.
 */
export async function openPage(browser: Browser, origin: string, path: string, size: Viewport, story?: DemoStory, who?: Who): Promise<Page> {
  const context = await browser.newContext({
    viewport: size.viewport,
    deviceScaleFactor: size.deviceScaleFactor ?? 1,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    reducedMotion: 'reduce',
  });
  if (story && who) {
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`oz:session:${origin}`, story.tokens[who]] as const);
  }
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await settled(page);
  return page;
}

/** Until every element has rendered and none shows «Загружаем…» (a busy machine can be slow). */
export async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('oz-'))
          .every((el) => el.shadowRoot && !/Загружаем|Loading/.test(el.shadowRoot.textContent ?? '')),
      undefined,
      { timeout: 20_000 },
    )
    .catch(() => console.log(`  ${page.url()}: still loading after 20 s`));
  await page.waitForTimeout(500);
}
