/**
 * Every sample page, full length, as its users see it (signed out, as the resident, a doctor, the
 * duty doctor, the manager) on a phone, the same phone zoomed to 200 % and a desktop: for a person
 * to look through before a change lands. Not committed; see element-pictures.ts for the README's.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DemoStory, Who } from './demo-story.ts';
import { DESKTOP, openPage, PHONE, PHONE_ZOOMED } from './open-page.ts';

const PAGES: { name: string; path: (story: DemoStory) => string; as?: Who }[] = [
  { name: 'index', path: () => '/index.html' },
  { name: 'configurator', path: () => '/configurator.html' },
  { name: 'elements', path: () => '/elements.html' },
  { name: 'low-vision', path: () => '/low-vision.html?theme=black&fontsize=32' },
  { name: 'portal-signed-out', path: () => '/portal.html' },
  { name: 'portal-patient', path: () => '/portal.html', as: 'patient' },
  { name: 'doctor-signed-out', path: () => '/doctor.html' },
  { name: 'doctor-desk', path: () => '/doctor.html', as: 'doctor' },
  { name: 'doctor-duty', path: () => '/doctor.html', as: 'duty' },
  { name: 'manager', path: () => '/manager.html', as: 'manager' },
  { name: 'video-room-patient', path: (story) => `/video-room.html?consultation=${story.consultationId}`, as: 'patient' },
];

export async function capturePages(browser: Browser, origin: string, story: DemoStory, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const shot of PAGES) {
    for (const size of [PHONE, PHONE_ZOOMED, DESKTOP]) {
      const page = await openPage(browser, origin, shot.path(story), size, story, shot.as);
      const file = join(outDir, `${shot.name}-${size.label}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
      console.log(`  ${file}`);
      await page.context().close();
    }
  }
}
