import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { demoServerAndBrowser, registerViaApi, uniquePhone } from './harness.ts';

// Every HTML page the server serves carries a Content-Security-Policy: scripts and styles of its
// own origin, its inline blocks by hash, nothing else. The widgets keep bearer tokens in
// localStorage, so a script injected into such a page must not run; and the widgets themselves
// must work without 'unsafe-inline' or 'unsafe-eval'.

/** What Chromium refused on the page, as the page heard it (securitypolicyviolation events). */
async function pageUnderWatch(browser: Browser, origin: string, token?: string): Promise<{ page: Page; refused: () => Promise<string[]> }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  await context.addInitScript(
    ([key, value]) => {
      const refused: string[] = [];
      Object.defineProperty(window, '__refused', { value: refused });
      document.addEventListener('securitypolicyviolation', (event) => refused.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`), true);
      if (value) localStorage.setItem(key, value);
    },
    [`oz:session:${origin}`, token ?? ''] as const,
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  return { page, refused: () => page.evaluate(() => [...((window as unknown as { __refused: string[] }).__refused ?? [])]) };
}

async function signIn(origin: string, phone: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, password }) });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

function assertStrict(policy: string | null, page: string): void {
  assert.ok(policy, `${page} has no Content-Security-Policy`);
  const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? /default-src ([^;]+)/.exec(policy)?.[1] ?? '';
  assert.ok(scriptSrc, `${page}: no script-src or default-src in ${policy}`);
  assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*|https?:(?!\/\/)/, `${page}: ${policy}`);
  assert.match(policy, /object-src 'none'|default-src 'none'/, page);
  assert.match(policy, /base-uri 'none'/, page);
}

describe('Content-Security-Policy on the pages the server serves', () => {
  const run = demoServerAndBrowser();

  it('the portal works for a signed-in resident under it, and a script injected into the page does not run', async () => {
    const { token } = await registerViaApi(run.server.origin, run.server.dataDir, {
      fullName: 'Смирнова Анна Ивановна',
      birthDate: '1950-03-12',
      phone: `+7${uniquePhone().replace(/\D/g, '').slice(1)}`,
      password: 'Ромашка-2024',
    });
    const { page, refused } = await pageUnderWatch(run.browser, run.server.origin, token);
    const response = await page.goto(`${run.server.origin}/portal.html`);
    assertStrict(response!.headers()['content-security-policy'] ?? null, 'portal.html');
    await page.locator('oz-apply input[name="centerId"]').first().waitFor();
    await page.locator('oz-register').getByText('Смирнова Анна Ивановна').first().waitFor();
    await page.locator('oz-consultations').getByRole('heading').first().waitFor();
    await page.locator('oz-duty-schedule').getByRole('heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await refused(), []);

    // What an attacker's injected script would do: read the token. The policy refuses it.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__stolen = localStorage.length';
      document.body.append(script);
    });
    assert.equal(await page.evaluate(() => (window as unknown as { __stolen?: number }).__stolen), undefined);
    assert.deepEqual(await refused(), ['script-src-elem: inline']);
    await page.context().close();
  });

  it('the doctor’s and the manager’s pages work under it, their inline scripts allowed by hash', async () => {
    const pages = [
      { path: '/doctor.html', token: await signIn(run.server.origin, '+79000000001', 'demo-bakulev'), ready: 'oz-doctor-desk button' },
      { path: '/manager.html', token: await signIn(run.server.origin, '+79000000009', 'demo-manager'), ready: 'oz-referral-import input[type="file"]' },
    ];
    for (const { path, token, ready } of pages) {
      const { page, refused } = await pageUnderWatch(run.browser, run.server.origin, token);
      const response = await page.goto(`${run.server.origin}${path}`);
      assertStrict(response!.headers()['content-security-policy'] ?? null, path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await refused(), [], path);
      await page.context().close();
    }
  });

  it('the video room page runs its inline module script, and the start page, the configurator (with its preview), the element reference and the consent text are covered too', async () => {
    const { page, refused } = await pageUnderWatch(run.browser, run.server.origin);
    const room = await page.goto(`${run.server.origin}/video-room.html`);
    assertStrict(room!.headers()['content-security-policy'] ?? null, 'video-room.html');
    // The page's own script shows how to open a consultation when the link names none.
    await page.locator('#how-to').waitFor({ state: 'visible' });
    for (const path of ['/', '/index.html', '/configurator.html', '/configurator-preview.html', '/elements.html', '/api/v1/consent?format=html']) {
      const response = await page.goto(`${run.server.origin}${path}`);
      assert.equal(response!.status(), 200, path);
      assertStrict(response!.headers()['content-security-policy'] ?? null, path);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await refused(), [], path);
    }
    await page.context().close();
  });
});
