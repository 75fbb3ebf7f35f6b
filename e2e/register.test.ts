import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoServerAndBrowser, screenshot, smsCodeIn, uniquePhone } from './harness.ts';

/** 8 (922) 123-45-67 → +79221234567, as the outbox names the phone. */
const normalized = (phone: string) => `+7${phone.replace(/\D/g, '').slice(1)}`;

// 180 px at two device pixels: a 360-px phone at 200 % zoom. A server each: one person's journey
// (two codes, three sign-ins) is about what the per-address limit lets through in a minute.
for (const { width, scale } of [{ width: 360, scale: 1 }, { width: 180, scale: 2 }, { width: 1280, scale: 1 }]) {
  const label = scale === 1 ? `${width}` : `${width}@${scale}x`;
  describe(`portal page at ${label} px: a resident registers with an SMS code, signs out, forgets the password and signs in again`, () => {
    const run = demoServerAndBrowser();

    it(`works at ${label} px wide`, async () => {
      const { server, browser } = run;
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: scale, locale: 'ru-RU' });
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(error.message));
      page.on('requestfailed', (request) => {
        // Reading is stopped on purpose at sign-out and reload: the live stream and its ticket (a POST
        // that changes nothing), and any list still loading (the elements abort what the previous user
        // asked for). A failed write is a failure.
        const read = request.method() === 'GET' || request.url().endsWith('/notifications/stream-ticket');
        const abortedRead = read && request.failure()?.errorText === 'net::ERR_ABORTED';
        if (!abortedRead) failures.push(`${request.method()} ${request.url()} ${request.failure()?.errorText}`);
      });
      await page.goto(`${server.origin}/portal.html`);
      const widget = page.locator('oz-register');
      await widget.getByRole('button', { name: 'Войти' }).waitFor();
      await screenshot(page, `register-${label}-1-signed-out`);

      await widget.getByRole('button', { name: 'Регистрация' }).click();
      const phone = uniquePhone();
      // First the phone: a code comes by SMS (the demo server's outbox), with a resend countdown.
      await widget.getByLabel('Номер мобильного телефона').fill(phone);
      await widget.getByRole('button', { name: 'Получить код' }).click();
      await widget.getByRole('button', { name: /Отправить ещё раз через 0:[0-5]\d/ }).waitFor();
      await screenshot(page, `register-${label}-2-code`);
      await widget.getByLabel('Код из СМС').fill(await smsCodeIn(server.dataDir, normalized(phone)));
      await widget.getByLabel('Фамилия, имя и отчество').fill('Смирнова Анна Ивановна');
      // Typed as digits on a phone's number pad; the dots come by themselves.
      await widget.getByLabel('Дата рождения').pressSequentially('30091951');
      assert.equal(await widget.getByLabel('Дата рождения').inputValue(), '30.09.1951');
      await widget.getByLabel('Пароль', { exact: true }).fill('Ромашка-1951');
      await widget.getByRole('checkbox').check();
      await screenshot(page, `register-${label}-3-filled`);
      await widget.getByRole('button', { name: 'Зарегистрироваться' }).click();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();
      await screenshot(page, `register-${label}-4-signed-in`);

      // The session survives a reload: the token is kept for the API's origin.
      await page.reload();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();

      await widget.getByRole('button', { name: 'Выйти' }).click();
      await widget.getByRole('button', { name: 'Войти' }).waitFor();
      await widget.getByLabel('Номер мобильного телефона').fill(phone.replace(/\D/g, '').replace(/^8/, '+7'));
      await widget.getByLabel('Пароль', { exact: true }).fill('не тот пароль');
      await widget.getByRole('button', { name: 'Войти' }).click();
      await widget.getByText('Неверный номер телефона или пароль.').waitFor();
      await screenshot(page, `register-${label}-5-wrong-password`);

      // «Забыли пароль?»: the phone, the code from the SMS, a new password, and signed in.
      await widget.getByRole('button', { name: 'Забыли пароль?' }).click();
      await widget.getByLabel('Номер мобильного телефона').fill(phone);
      await widget.getByRole('button', { name: 'Получить код' }).click();
      await widget.getByLabel('Код из СМС').waitFor();
      await widget.getByLabel('Код из СМС').fill(await smsCodeIn(server.dataDir, normalized(phone)));
      await widget.locator('input[name="newPassword"]').fill('Незабудка-1951');
      await screenshot(page, `register-${label}-6-reset`);
      await widget.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();
      await widget.getByRole('button', { name: 'Выйти' }).click();
      await widget.getByLabel('Номер мобильного телефона').fill(phone);
      await widget.getByLabel('Пароль', { exact: true }).fill('Незабудка-1951');
      await widget.getByRole('button', { name: 'Войти' }).click();
      await widget.getByText('Вы вошли как Смирнова Анна Ивановна').waitFor();

      // The host page's aggressive theme must not reach inside: 16 px+ text, no uppercase labels.
      const signedInAs = widget.getByText('Вы вошли как Смирнова Анна Ивановна');
      const style = await signedInAs.evaluate((node) => {
        const computed = getComputedStyle(node);
        return { fontSize: parseFloat(computed.fontSize), textTransform: computed.textTransform };
      });
      assert.ok(style.fontSize >= 16, `font size ${style.fontSize}`);
      assert.equal(style.textTransform, 'none');
      assert.deepEqual(failures, []);
      await context.close();
    });
  });
}
