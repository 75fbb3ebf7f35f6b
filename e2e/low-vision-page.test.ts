import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { demoServerAndBrowser, phonePage } from './harness.ts';
import { axeViolations, horizontalOverflow } from './page-checks.ts';

// Issue 14: the sample site's «Версия для слабовидящих» switch (a stand-in for the bvi plugin) on a
// 360-px phone: the widgets follow each choice live and after a reload, pass axe in each, and
// never scroll sideways.

/** What the reader sees of <oz-register>'s first paragraph: its colours, size and font. */
const registerText = (page: Page) =>
  page.locator('oz-register p').first().evaluate((p) => {
    const style = getComputedStyle(p);
    const host = (p.getRootNode() as ShadowRoot).host;
    return { color: style.color, size: style.fontSize, font: style.fontFamily, background: getComputedStyle(host.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor };
  });

describe('the low-vision sample page', () => {
  const run = demoServerAndBrowser();

  it('turns the widgets white on black at 32 px in a serif font, live and after a reload, and back', async () => {
    const page = await phonePage(run.browser);
    await page.goto(`${run.server.origin}/low-vision.html`);
    await page.locator('oz-register [part~="base"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const usual = await registerText(page);
    assert.notEqual(usual.color, 'rgb(255, 255, 255)');
    assert.deepEqual(await axeViolations(page), [], 'the usual look');

    for (const name of ['Белым по чёрному', 'А++', 'С засечками', 'Скрыть']) await page.getByRole('button', { name, exact: true }).click();
    const dark = { color: 'rgb(255, 255, 255)', size: '32px', background: 'rgb(0, 0, 0)' };
    await page.waitForFunction(() => document.querySelector('oz-register')?.getAttribute('data-oz-lv-fontsize') === '32');
    const chosen = await registerText(page);
    assert.deepEqual({ color: chosen.color, size: chosen.size, background: chosen.background }, dark);
    assert.match(chosen.font, /^"Times New Roman"/);
    assert.equal(await page.locator('oz-register').getAttribute('data-oz-lv-images'), 'false');
    assert.equal(await horizontalOverflow(page), 0, 'scrolls sideways at 32 px');
    assert.deepEqual(await axeViolations(page), [], 'white on black');

    // The site remembers the choice, as bvi does; the widgets take it from the first render.
    await page.reload();
    await page.locator('oz-register [part~="base"]').first().waitFor();
    await page.waitForFunction(() => document.querySelector('oz-register')?.getAttribute('data-oz-lv-theme') === 'black');
    const reloaded = await registerText(page);
    assert.deepEqual({ color: reloaded.color, size: reloaded.size, background: reloaded.background }, dark);

    await page.getByRole('button', { name: 'Обычная', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('oz-register')?.hasAttribute('data-oz-lv-theme'));
    assert.deepEqual(await registerText(page), usual);
    await page.context().close();
  });
});
