import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { demoServerAndBrowser, registerViaApi, uniquePhone } from './harness.ts';

// What an element shows only to someone signed in comes in a chunk of its own (SignedInPart): a
// visitor who is not signed in never downloads it; a returning resident gets it together with the
// element's code, not a round trip after.

/** Every script of the bundle the page asked for: when asked, and when its answer was complete. */
function recordScripts(page: Page) {
  const scripts = new Map<string, { asked: number; done: number }>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/widgets/') && path.endsWith('.js')) scripts.set(path, { asked: Date.now(), done: Infinity });
  });
  page.on('requestfinished', (request) => {
    const entry = scripts.get(new URL(request.url()).pathname);
    if (entry) entry.done = Date.now();
  });
  return scripts;
}

const PARTS: Record<string, RegExp> = {
  'oz-apply': /^\/widgets\/apply-signed-in-[\w-]+\.js$/,
  'oz-consultations': /^\/widgets\/consultations-signed-in-[\w-]+\.js$/,
  'oz-documents': /^\/widgets\/documents-signed-in-[\w-]+\.js$/,
  'oz-notifications': /^\/widgets\/notifications-signed-in-[\w-]+\.js$/,
};

describe('signed-in parts of the portal’s elements', () => {
  const run = demoServerAndBrowser();

  it('are not downloaded for a visitor who is not signed in', async () => {
    const context = await run.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU' });
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(`${run.server.origin}/portal.html`);
    await page.locator('oz-apply').getByText('Войдите в личный кабинет, чтобы подать заявку').waitFor();
    await page.locator('oz-consultations').getByText('войдите в личный кабинет').waitFor();
    await page.waitForLoadState('networkidle');
    const paths = [...scripts.keys()];
    assert.deepEqual(
      paths.filter((path) => path.includes('-signed-in-')),
      [],
      `fetched: ${paths.join(', ')}`,
    );
    await context.close();
  });

  it('come with the element’s code for a returning resident, and every element shows their data', async () => {
    const { token } = await registerViaApi(run.server.origin, run.server.dataDir, {
      fullName: 'Смирнова Анна Ивановна',
      birthDate: '1950-03-12',
      phone: `+7${uniquePhone().replace(/\D/g, '').slice(1)}`,
      password: 'Ромашка-2024',
    });
    const context = await run.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU' });
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`oz:session:${run.server.origin}`, token] as const);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(`${run.server.origin}/portal.html`);

    await page.locator('oz-apply').locator('select[name="centerId"], input[name="centerId"]').first().waitFor();
    await page.locator('oz-documents').getByRole('heading', { name: 'Загруженные документы' }).waitFor();
    await page.locator('oz-consultations').getByText('У вас пока нет заявок и консультаций').waitFor();
    await page.locator('oz-notifications').getByRole('button', { name: /Уведомления/ }).waitFor();

    for (const [tag, pattern] of Object.entries(PARTS)) {
      const part = [...scripts].find(([path]) => pattern.test(path));
      assert.ok(part, `<${tag}>'s signed-in part was not fetched`);
      const element = [...scripts].find(([path]) => new RegExp(`^/widgets/${tag}-[\\w-]+\\.js$`).test(path));
      assert.ok(element, `<${tag}>'s code was not fetched`);
      assert.ok(part[1].asked < element[1].done, `<${tag}>'s signed-in part was asked for only after its code had arrived`);
    }
    await context.close();
  });
});
