import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoServerAndBrowser, enterSmsCode, phonePage, screenshot, uniquePhone } from './harness.ts';

/** Path 2 of the program: a duty doctor by schedule, no documents needed, chat before the consultation. */
describe('path 2: duty doctor, booking without documents, chat, cancel', () => {
  const run = demoServerAndBrowser();

  it('a duty doctor opens time, a resident without documents books it, both chat, the resident cancels and the time is free again', async () => {

    const { server, browser } = run;
    // The duty doctor opens 16:00–16:40 ten days ahead, in 20-minute consultations.
    const doctor = await phonePage(browser);
    await doctor.goto(`${server.origin}/doctor.html`);
    const doctorAccount = doctor.locator('oz-register');
    await doctorAccount.getByLabel('Номер мобильного телефона').fill('+79000000003');
    await doctorAccount.getByLabel('Пароль', { exact: true }).fill('demo-duty');
    await doctorAccount.getByRole('button', { name: 'Войти' }).click();
    const desk = doctor.locator('oz-doctor-desk');
    await desk.getByRole('button', { name: 'Дежурства' }).click();
    const day = new Date(Date.now() + 10 * 24 * 3600 * 1000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
    await desk.getByLabel('Дата', { exact: true }).fill(day);
    await desk.getByLabel('Начало', { exact: true }).fill('16:00');
    await desk.getByLabel('Окончание', { exact: true }).fill('16:40');
    await desk.getByRole('button', { name: 'Открыть запись на это время' }).click();
    await desk.getByText(/Запись открыта: 2 консультации/).waitFor();
    await screenshot(doctor, 'path2-1-duty-published');

    const from = encodeURIComponent(new Date(`${day}T16:00:00+03:00`).toISOString());
    const slots = (await (await fetch(`${server.origin}/api/v1/duty/slots?centerId=bakulev&from=${from}`)).json()) as { items: { id: string; startsAt: string }[] };
    const slot = slots.items.find((item) => item.startsAt === new Date(`${day}T16:00:00+03:00`).toISOString());
    assert.ok(slot, 'the published 16:00 slot is public');

    // A resident registers and books it, with a question and no documents.
    const patient = await phonePage(browser);
    await patient.goto(`${server.origin}/portal.html`);
    const account = patient.locator('oz-register');
    await account.getByRole('button', { name: 'Регистрация' }).click();
    await enterSmsCode(account, server.dataDir, uniquePhone());
    await account.getByLabel('Фамилия, имя и отчество').fill('Лебедев Пётр Ильич');
    await account.getByLabel('Дата рождения').fill('02.11.1948');
    await account.getByLabel('Пароль', { exact: true }).fill('Лебедев-1948');
    await account.getByRole('checkbox').check();
    await account.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await account.getByText('Вы вошли как Лебедев Пётр Ильич').waitFor();

    const schedule = patient.locator('oz-duty-schedule');
    await schedule.getByRole('radio', { name: /Бакулева/ }).check();
    const slotButton = schedule.locator(`button[data-slot-id="${slot.id}"]`);
    await slotButton.click();
    await schedule.getByLabel('О чём вы хотите спросить врача').fill('Какие анализы сдать перед консультацией?');
    await screenshot(patient, 'path2-2-booking');
    await schedule.getByRole('button', { name: 'Записаться', exact: true }).click();
    await schedule.getByText('Кузнецов Дмитрий Сергеевич').first().waitFor();
    await screenshot(patient, 'path2-3-booked');

    // The patient writes in «Консультации»; the doctor sees it live and answers; the answer arrives live.
    const consultations = patient.locator('oz-consultations');
    await consultations.getByRole('button', { name: 'Переписка с врачом' }).first().click();
    await consultations.getByLabel('Ваше сообщение').fill('Здравствуйте! Нужна ли ЭКГ?');
    await consultations.getByRole('button', { name: 'Отправить', exact: true }).click();

    await desk.getByRole('button', { name: /Мои консультации/ }).click();
    await desk.getByRole('button', { name: /Переписка/ }).first().click();
    await desk.getByText('Здравствуйте! Нужна ли ЭКГ?').first().waitFor();
    await desk.getByLabel('Ваше сообщение').fill('Да, ЭКГ не старше месяца.');
    await desk.getByRole('button', { name: 'Отправить', exact: true }).click();
    await consultations.getByText('Да, ЭКГ не старше месяца.').first().waitFor(); // also announced in a live region
    await screenshot(patient, 'path2-4-chat');
    await screenshot(doctor, 'path2-5-chat-doctor');

    // The patient cancels; the time is free again in the schedule.
    await consultations.getByRole('button', { name: 'Отменить консультацию' }).first().click();
    await consultations.getByRole('button', { name: 'Да, отменить консультацию' }).click();
    await consultations.getByText('Вы отменили эту консультацию.').first().waitFor();
    await schedule.getByRole('button', { name: 'Записаться на другое время' }).click();
    await schedule.getByRole('button', { name: 'Обновить список' }).click();
    await schedule.locator(`button[data-slot-id="${slot.id}"]`).waitFor();
    await screenshot(patient, 'path2-6-free-again');
    await patient.context().close();
    await doctor.context().close();
  });
});
