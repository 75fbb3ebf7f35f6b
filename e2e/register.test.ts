import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoServerAndBrowser, screenshot, uniquePhone } from './harness.ts';

describe('portal page: a resident registers, signs out and signs in again', () => {
  const run = demoServerAndBrowser();

  for (const width of [360, 1280]) {
    it(`works at ${width} px wide`, async () => {
      const { server, browser } = run;
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(error.message));
      page.on('requestfailed', (request) => {
        // Reading is stopped on purpose at sign-out and reload: the live stream, and any list still
        // loading (the elements abort what the previous user asked for). A failed write is a failure.
        const abortedRead = request.method() === 'GET' && request.failure()?.errorText === 'net::ERR_ABORTED';
        if (!abortedRead) failures.push(`${request.method()} ${request.url()} ${request.failure()?.errorText}`);
      });
      await page.goto(`${server.origin}/portal.html`);
      const widget = page.locator('oz-register');
      await widget.getByRole('button', { name: 'Войти' }).waitFor();
      await screenshot(page, `register-${width}-1-signed-out`);

      await widget.getByRole('button', { name: 'Регистрация' }).click();
      const phone = uniquePhone();
      await widget.getByLabel('Фамилия, имя и отчество').fill('Смирнова Анна Ивановна');
      await widget.getByLabel('Дата рождения').fill('1951-09-30');
      await widget.getByLabel('Номер мобильного телефона').fill(phone);
      await widget.getByLabel('Пароль', { exact: true }).fill('Ромашка-1951');
      await widget.getByRole('checkbox').check();
      await screenshot(page, `register-${width}-2-filled`);
      await widget.getByRole('button', { name: 'Зарегистрироваться' }).click();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();
      await screenshot(page, `register-${width}-3-signed-in`);

      // The session survives a reload: the token is kept for the API's origin.
      await page.reload();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();

      await widget.getByRole('button', { name: 'Выйти' }).click();
      await widget.getByRole('button', { name: 'Войти' }).waitFor();
      await widget.getByLabel('Номер мобильного телефона').fill(phone.replace(/\D/g, '').replace(/^8/, '+7'));
      await widget.getByLabel('Пароль', { exact: true }).fill('не тот пароль');
      await widget.getByRole('button', { name: 'Войти' }).click();
      await widget.getByText('Неверный номер телефона или пароль.').waitFor();
      await screenshot(page, `register-${width}-4-wrong-password`);
      await widget.getByLabel('Пароль', { exact: true }).fill('Ромашка-1951');
      await widget.getByRole('button', { name: 'Войти' }).click();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();

      // The host page's aggressive theme must not reach inside: 16 px+ text, no uppercase labels.
      const label = widget.getByText('Вы вошли как Смирнова Анна Ивановна');
      const style = await label.evaluate((node) => {
        const computed = getComputedStyle(node);
        return { fontSize: parseFloat(computed.fontSize), textTransform: computed.textTransform };
      });
      assert.ok(style.fontSize >= 16, `font size ${style.fontSize}`);
      assert.equal(style.textTransform, 'none');
      assert.deepEqual(failures, []);
      await context.close();
    });
  }
});
