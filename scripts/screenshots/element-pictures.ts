/**
 * The README's pictures: each element as a resident, doctor or manager sees it on the sample
 * pages, in Russian, on a 360-px phone and a 1280 × 900 desktop, and the site's version for the
 * visually impaired. Written to docs/screenshots/ and committed, so the README shows today's look;
 * scripts/readme-pictures.test.ts fails when an element has no picture.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { DemoStory, Who } from './demo-story.ts';
import { DESKTOP, openPage, PHONE, settled, type Viewport } from './open-page.ts';

interface ElementPicture {
  /** The file's name: the element's tag, or what the picture shows. */
  name: string;
  path: (story: DemoStory) => string;
  as?: Who;
  /** What to photograph once the page is ready, after any steps the picture needs. */
  target: (page: Page, story: DemoStory) => Promise<Locator>;
  /** Page around the picture, px: none for a piece inside an element (its panel, its chat). */
  margin?: number;
}

const element = (selector: string) => async (page: Page) => page.locator(selector).first();

/** A picture taller than this is cut at the bottom: the top tells what the element is. */
const MAX_HEIGHT = 1400;

export const ELEMENT_PICTURES: ElementPicture[] = [
  { name: 'oz-register', path: () => '/portal.html', target: element('oz-register') },
  { name: 'oz-documents', path: () => '/portal.html', as: 'patient', target: element('oz-documents') },
  { name: 'oz-apply', path: () => '/portal.html', as: 'patient', target: element('oz-apply') },
  { name: 'oz-duty-schedule', path: () => '/portal.html', as: 'patient', target: element('oz-duty-schedule') },
  { name: 'oz-consultations', path: () => '/portal.html', as: 'patient', target: element('oz-consultations') },
  {
    name: 'oz-chat',
    path: () => '/portal.html',
    as: 'patient',
    target: async (page) => {
      await page.locator('oz-consultations button[part~="chat-button"]').first().click();
      const chat = page.locator('oz-consultations oz-chat').first();
      await chat.locator('[part~="message"]').first().waitFor();
      await settled(page);
      return chat;
    },
    margin: 0,
  },
  {
    name: 'oz-notifications',
    path: () => '/portal.html',
    as: 'patient',
    target: async (page) => {
      await page.locator('oz-notifications [part~="bell"]').click();
      const panel = page.locator('oz-notifications [part~="panel"]');
      await panel.waitFor();
      await settled(page);
      return panel;
    },
    margin: 0,
  },
  {
    name: 'oz-video-room',
    path: (story) => `/video-room.html?consultation=${story.consultationId}`,
    as: 'patient',
    target: element('oz-video-room'),
  },
  { name: 'oz-doctor-desk', path: () => '/doctor.html', as: 'doctor', target: element('oz-doctor-desk') },
  { name: 'oz-referral-import', path: () => '/manager.html', as: 'manager', target: element('oz-referral-import') },
  {
    name: 'oz-audit-trail',
    path: () => '/manager.html',
    as: 'manager',
    target: async (page, story) => {
      const trail = page.locator('oz-audit-trail');
      await trail.locator('[part~="phone-input"]').fill(story.patientPhone);
      await trail.locator('[part~="phone-input"]').press('Enter');
      await trail.locator('[part~="entry"], [part~="empty"]').first().waitFor();
      await settled(page);
      return trail;
    },
  },
  { name: 'oz-staff', path: () => '/manager.html', as: 'manager', target: element('oz-staff') },
  // The sample site switched to white on black at 24 px: its text and the widgets inside it.
  { name: 'low-vision', path: () => '/low-vision.html?theme=black&fontsize=24', target: element('main') },
];

/** `only`: the names of the pictures to take again (all when empty). */
export async function captureElementPictures(browser: Browser, origin: string, story: DemoStory, outDir: string, only: string[] = []): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const picture of ELEMENT_PICTURES.filter(({ name }) => only.length === 0 || only.includes(name))) {
    for (const size of [PHONE, DESKTOP]) {
      const file = join(outDir, `${picture.name}-${size.label}.png`);
      const page = await openPage(browser, origin, picture.path(story), size, story, picture.as);
      try {
        await photograph(page, await picture.target(page, story), file, size, picture.margin ?? 8);
        console.log(`  ${file}`);
      } finally {
        await page.context().close();
      }
    }
  }
}

async function photograph(page: Page, target: Locator, file: string, size: Viewport, margin: number): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  // The focus ring of the last step's field is not part of how the element looks.
  await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur();
  });
  const box = await target.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
  });
  // A little of the page around the element, as on the sample page; never wider than the window.
  const x = Math.max(0, box.x - margin);
  const width = Math.min(size.viewport.width - x, box.width + 2 * margin);
  const height = Math.min(MAX_HEIGHT, box.height + 2 * margin);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', scale: 'css', fullPage: true, clip: { x, y: Math.max(0, box.y - margin), width, height } });
}
