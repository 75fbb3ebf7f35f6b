import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { demoServerAndBrowser, phonePage } from './harness.ts';
import { axeViolations, horizontalOverflow } from './page-checks.ts';

// Issue 14: the webmaster's pages. The configurator builds the snippet and the preview from the
// manifest; what it copies works when pasted into another page; the start page, the configurator
// and the element reference pass axe and fit a 360 px phone under their Content-Security-Policy.

describe('the configurator, the element reference and the start page', () => {
  const run = demoServerAndBrowser();

  it('builds the snippet and the preview from the choices, and the copied snippet works on another page', async () => {
    const page = await phonePage(run.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.server.origin });
    await page.goto(`${run.server.origin}/configurator.html`);
    const snippet = page.locator('#snippet');
    const preview = page.frameLocator('#preview');

    // The element list comes from the manifest; the account is chosen to begin with.
    const apply = page.getByRole('checkbox', { name: /<oz-apply>/ });
    await apply.waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /<oz-register>/ }).isChecked(), true);
    // Each element is described in Russian beside its checkbox, for the webmaster who chooses.
    for (const box of await page.getByRole('checkbox').all()) {
      const hint = await box.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      assert.match(hint, /^[А-ЯЁ][^a-z]*[а-яё]{4}/, `the hint of ${await box.getAttribute('value')}: ${hint}`);
    }
    assert.match(await snippet.textContent() ?? '', new RegExp(`^<script type="module" src="${run.server.origin}/widgets/oz.js" data-api="${run.server.origin}"></script>\n`));
    assert.doesNotMatch(await snippet.textContent() ?? '', /oz-apply/);

    await apply.check();
    assert.match(await snippet.textContent() ?? '', /\n<oz-apply>Загружаем…<\/oz-apply>/);
    await preview.locator('oz-apply').waitFor();
    // The element's code arrived in the preview: it drew its own content in its shadow root.
    await preview.locator('oz-apply [part~="base"]').first().waitFor();

    // Its center: a list of the API's centers, as the manifest's type names no values.
    const settings = page.getByRole('group', { name: /Заявка на онлайн-консультацию/ });
    await settings.getByLabel('Медицинский центр').selectOption('kulakov');
    // The low-vision attributes are the site's switch's to set at run time, not the snippet's.
    assert.equal(await page.locator('#element-settings').getByText('low-vision').count(), 0);
    assert.match(await snippet.textContent() ?? '', /<oz-apply center="kulakov">Загружаем…<\/oz-apply>/);
    assert.equal(await preview.locator('oz-apply').getAttribute('center'), 'kulakov');

    // A value the manifest's type lists (`'sign-in' | 'register'`) is a choice; back to the default, it leaves the tag.
    const firstForm = page.getByRole('group', { name: /Личный кабинет/ }).getByLabel('Что показать сначала');
    await firstForm.selectOption('register');
    assert.match(await snippet.textContent() ?? '', /<oz-register mode="register">Загружаем…<\/oz-register>/);
    await firstForm.selectOption('');
    assert.match(await snippet.textContent() ?? '', /<oz-register>Загружаем…<\/oz-register>/);

    // The language goes on every tag.
    await page.getByRole('radio', { name: /Английский/ }).check();
    const english = await snippet.textContent() ?? '';
    assert.match(english, /<oz-register lang="en">Loading…<\/oz-register>/);
    assert.match(english, /<oz-apply center="kulakov" lang="en">Loading…<\/oz-apply>/);
    assert.equal(await preview.locator('oz-register').getAttribute('lang'), 'en');

    // A colour goes into the snippet's <style> and into the preview.
    await page.getByLabel(/Основной цвет/).fill('#aa0000');
    const styled = await snippet.textContent() ?? '';
    assert.match(styled, /\n<style>\noz-register, oz-apply \{\n {2}--oz-color-primary: #aa0000;\n\}\n<\/style>$/);
    const previewColour = await preview.locator('oz-apply').evaluate((element) => getComputedStyle(element).getPropertyValue('--oz-color-primary').trim());
    assert.equal(previewColour, '#aa0000');

    await page.getByRole('button', { name: 'Скопировать код' }).click();
    await page.getByRole('status').getByText('Код скопирован').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, styled);
    assert.equal(await horizontalOverflow(page), 0);

    // Pasted into a site's page (served here under the server's origin by the browser itself,
    // without this server's policy, as a CMS page would be): the elements load and draw.
    const site = await phonePage(run.browser);
    const sitePage = `${run.server.origin}/a-cms-page-for-the-test.html`;
    await site.route(sitePage, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Администрация района</title></head><body><h1>Здоровье</h1>\n${copied}\n</body></html>`,
      }),
    );
    await site.goto(sitePage);
    const account = site.locator('oz-register');
    await account.getByRole('heading').first().waitFor();
    assert.match((await account.getByRole('heading').first().textContent()) ?? '', /[A-Za-z]/, 'the account speaks English');
    await site.locator('oz-apply [part~="base"]').first().waitFor();
    const siteColour = await site.locator('oz-apply').evaluate((element) => getComputedStyle(element).getPropertyValue('--oz-color-primary').trim());
    assert.equal(siteColour, '#aa0000');
    await site.context().close();
    await page.context().close();
  });

  for (const { path, ready } of [
    { path: '/index.html', ready: '#copy' },
    { path: '/configurator.html', ready: '#element-oz-register' },
    { path: '/elements.html', ready: 'section#oz-staff' },
    { path: '/configurator-preview.html', ready: '#oz-preview' },
  ]) {
    it(`${path}: no axe problems (WCAG 2.1 AA), no horizontal scroll at 360 px, nothing refused by its policy`, async () => {
      const page = await phonePage(run.browser);
      await page.goto(`${run.server.origin}${path}`);
      await page.locator(ready).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await horizontalOverflow(page), 0, `${path} scrolls sideways at 360 px`);
      assert.deepEqual(await axeViolations(page), [], path);
      await page.context().close();
    });
  }

  it('the start page copies its snippet, naming this server', async () => {
    const page = await phonePage(run.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.server.origin });
    await page.goto(`${run.server.origin}/`);
    await page.getByRole('button', { name: 'Скопировать код' }).click();
    await page.getByRole('status').getByText('Код скопирован').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, new RegExp(`^<script type="module" src="${run.server.origin}/widgets/oz.js" data-api="${run.server.origin}"></script>`));
    for (const link of ['Конструктор кода', 'Справочник блоков', 'Страница муниципального портала', 'Документация API']) {
      await page.getByRole('link', { name: link }).waitFor();
    }
    await page.context().close();
  });
});
