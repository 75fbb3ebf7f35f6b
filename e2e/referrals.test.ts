import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoServerAndBrowser, screenshot, uniquePhone } from './harness.ts';

const HEADER = ['ФИО', 'Дата рождения', 'Телефон', 'Диагноз', 'Центр', 'Направивший врач', 'Медицинская организация'];

/** A referral table as Excel saves "CSV UTF-8" for Russian users: a BOM, `;` between cells. */
function referralCsv(rows: string[][]): Buffer {
  return Buffer.from(`\ufeff${[HEADER, ...rows].map((row) => row.join(';')).join('\r\n')}\r\n`, 'utf8');
}

async function smsTo(dataDir: string, phone: string): Promise<string[]> {
  const text = await readFile(join(dataDir, 'sms-outbox.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; text: string })
    .filter((sms) => sms.to === phone)
    .map((sms) => sms.text);
}

describe('path 3: the manager imports referrals, a referred patient signs in with the SMS password', () => {
  const run = demoServerAndBrowser();

  it('checks the table, imports it, and the patient reaches the cabinet with the referral waiting', async () => {
    const { server, browser } = run;
    const failures: string[] = [];
    const phone = uniquePhone();
    const normalized = `+7${phone.replace(/\D/g, '').slice(1)}`;
    const fullName = 'Соколова Нина Павловна';

    // The manager, on a phone-sized screen (the worst case for the preview's tables).
    const managerContext = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU' });
    const manager = await managerContext.newPage();
    manager.on('pageerror', (error) => failures.push(error.message));
    await manager.goto(`${server.origin}/manager.html`);
    const account = manager.locator('oz-register');
    await account.getByLabel('Номер мобильного телефона').fill('+79000000009');
    await account.getByLabel('Пароль', { exact: true }).fill('demo-manager');
    await account.getByRole('button', { name: 'Войти' }).click();
    await account.getByText('Вы вошли как').waitFor();

    const tool = manager.locator('oz-referral-import');
    await tool.getByRole('link', { name: 'Скачать образец таблицы (CSV)' }).waitFor();
    await tool.getByLabel('Файл таблицы (XLSX или CSV)').setInputFiles({
      name: 'направления-март.csv',
      mimeType: 'text/csv',
      buffer: referralCsv([
        [fullName, '03.02.1949', phone, 'ИБС, стенокардия напряжения', 'НМИЦ ССХ им. Бакулева', 'Петров А. И.', 'ГБУЗ ЛО «Приозерская МБ»'],
        ['Без Телефона', '01.01.1950', '12-34', 'ИБС', 'Бакулева', '', ''],
      ]),
    });
    await tool.getByRole('heading', { name: 'Проверка таблицы: что будет' }).waitFor();
    const errorRow = tool.locator('table[part~="errors-table"] tbody tr');
    assert.deepEqual(await errorRow.locator('th, td').allTextContents(), [
      '3',
      'Телефон',
      'Это не российский мобильный номер. Нужен номер вида +7 921 123-45-67.',
    ]);
    assert.match(await tool.locator('table[part~="rows-table"]').innerText(), /Новый пациент: получит SMS с логином и паролем/);
    assert.deepEqual(await smsTo(server.dataDir, normalized), [], 'the check sends nothing');
    await screenshot(manager, 'referrals-360-1-preview');

    await tool.getByRole('button', { name: 'Подтвердить импорт' }).click();
    await tool.getByRole('heading', { name: 'Импорт выполнен' }).waitFor();
    const created = tool.locator('[part~="summary-item"][part~="created"] .summary-count');
    assert.equal(await created.textContent(), '1');
    await screenshot(manager, 'referrals-360-2-result');
    const noOverflow = await tool.evaluate((el) => el.scrollWidth <= 360);
    assert.ok(noOverflow, 'the result fits a 360 px screen');

    // The patient says the SMS never came: the manager sends a new password.
    await tool.getByRole('button', { name: 'Загрузить другую таблицу' }).click();
    await tool.getByLabel('Телефон пациента').fill(phone);
    await tool.getByRole('button', { name: 'Отправить новый пароль' }).click();
    await tool.locator('[part~="credentials-sent"]').getByText(`SMS с новым паролем отправлено: ${fullName}`).waitFor();
    await screenshot(manager, 'referrals-360-3-new-password');
    await managerContext.close();

    // Two SMS went to the patient; only the newer password works.
    const messages = await smsTo(server.dataDir, normalized);
    assert.equal(messages.length, 2, 'the import and the new password');
    const credentials = messages.map((text) => /логин (\+7\d{10}), пароль (\S+)$/.exec(text));
    assert.ok(credentials.every(Boolean), messages.join('\n'));
    // Both SMS say who referred the patient, so they do not look like phishing; the password is easy to type.
    for (const text of messages) assert.match(text, /Вас направили: ГБУЗ ЛО «Приозерская МБ»\./);
    assert.ok(credentials.every((match) => /^[2-9a-hjkmnp-z]{10}$/.test(match![2]!)), messages.join('\n'));
    const [, login, oneTimePassword] = credentials[1]!;
    const stale = await fetch(`${server.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: login, password: credentials[0]![2] }),
    });
    assert.equal(stale.status, 401, 'the first password stopped working');

    // The patient, on the portal page, on a phone.
    const patientContext = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU' });
    const patient = await patientContext.newPage();
    patient.on('pageerror', (error) => failures.push(error.message));
    await patient.goto(`${server.origin}/portal.html`);
    const cabinet = patient.locator('oz-register');
    await cabinet.getByLabel('Номер мобильного телефона').fill(login!);
    // Typed in capitals, as a phone keyboard that capitalises often makes it: one-time passwords ignore case.
    await cabinet.getByLabel('Пароль', { exact: true }).fill(oneTimePassword!.toUpperCase());
    await cabinet.getByRole('button', { name: 'Войти' }).click();
    await cabinet.getByRole('heading', { name: 'Придумайте новый пароль' }).waitFor();
    await screenshot(patient, 'referrals-360-4-forced-password');

    // The sign-in proved the SMS password: the forced screen does not ask for it again.
    assert.equal(await cabinet.getByLabel('Пароль из SMS').count(), 0);
    await cabinet.getByLabel('Новый пароль', { exact: true }).fill('Ромашка-1949');
    await cabinet.getByLabel('Повторите новый пароль').fill('Ромашка-1949');
    // An imported patient never consented: the first password change asks for the 152-FZ consent.
    await cabinet.getByRole('button', { name: 'Сохранить новый пароль' }).click();
    await cabinet.getByText('Без согласия на обработку персональных данных зарегистрироваться нельзя').first().waitFor();
    await cabinet.getByRole('checkbox').check();
    await cabinet.getByRole('button', { name: 'Сохранить новый пароль' }).click();
    await cabinet.getByText(`Вы вошли как ${fullName}`).waitFor();

    const consultations = patient.locator('oz-consultations');
    await consultations.getByText('Вас направил лечащий врач: Петров А. И.').waitFor();
    const card = consultations.locator('[part~="application"][part~="submitted"]');
    assert.match(await card.innerText(), /Заявка ждёт рассмотрения/);
    assert.match(await card.innerText(), /ИБС, стенокардия напряжения/);
    await screenshot(patient, 'referrals-360-5-cabinet');
    await patientContext.close();
    assert.deepEqual(failures, []);
  });
});
