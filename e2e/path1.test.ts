import { describe, it } from 'node:test';
import { demoServerAndBrowser, enterSmsCode, phonePage, screenshot, uniquePhone } from './harness.ts';
import { samplePdf } from './fixtures/sample.pdf.ts';

/** Path 1 of the program across the two sample pages: the resident's portal and the doctor's workspace. */
describe('path 1: application to a center, review, consultation, conclusion', () => {
  const run = demoServerAndBrowser();

  it('a resident applies with documents, a doctor schedules, the resident is notified, the doctor concludes, the resident reads it', async () => {

    const { server, browser } = run;
    // The resident registers on the portal.
    const patient = await phonePage(browser);
    await patient.goto(`${server.origin}/portal.html`);
    const account = patient.locator('oz-register');
    await account.getByRole('button', { name: 'Регистрация' }).click();
    await enterSmsCode(account, server.dataDir, uniquePhone());
    await account.getByLabel('Фамилия, имя и отчество').fill('Морозова Галина Петровна');
    await account.getByLabel('Дата рождения').fill('08.03.1952');
    await account.getByLabel('Пароль', { exact: true }).fill('Галина-1952');
    await account.getByRole('checkbox').check();
    await account.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await account.getByText('Вы вошли как Морозова Галина Петровна').waitFor();

    // Uploads the Bakulev center's three required documents.
    const documents = patient.locator('oz-documents');
    for (const [kind, file] of [['Выписка из истории болезни', 'выписка.pdf'], ['ЭКГ', 'экг.pdf'], ['ЭХО КГ', 'эхокг.pdf']] as const) {
      await documents.getByLabel('Что это за документ').selectOption({ label: kind });
      await documents.locator('input[type=file]:not([capture])').setInputFiles(samplePdf(file));
      await documents.getByRole('button', { name: 'Загрузить документ' }).click();
      await documents.getByText(`Документ «${kind}» (${file}) загружен.`).waitFor();
    }
    await screenshot(patient, 'path1-1-documents');

    // Files the application; the checklist is ticked from the uploaded documents.
    const apply = patient.locator('oz-apply');
    await apply.getByRole('radio', { name: /Бакулева/ }).check();
    await apply.getByLabel('Группа заболеваний').selectOption({ label: 'Ишемическая болезнь сердца' });
    await apply.getByLabel('Диагноз').fill('ИБС, стенокардия напряжения II ФК');
    await apply.getByLabel('Жалобы').fill('Давящие боли за грудиной при ходьбе, одышка');
    await screenshot(patient, 'path1-2-application');
    await apply.getByRole('button', { name: 'Отправить заявку' }).click();
    await apply.getByText('Заявка отправлена').waitFor();
    // The bell says so too (it used to say «Уведомлений пока нет»).
    await patient.locator('oz-notifications').getByRole('button', { name: 'Уведомления: 1 новое' }).waitFor();
    const consultations = patient.locator('oz-consultations');
    await consultations.getByText('Заявка ждёт рассмотрения').first().waitFor();

    // The doctor signs in on the workspace and schedules it for tomorrow, 10:30.
    const doctor = await phonePage(browser);
    await doctor.goto(`${server.origin}/doctor.html`);
    const doctorAccount = doctor.locator('oz-register');
    await doctorAccount.getByLabel('Номер мобильного телефона').fill('+7 900 000-00-01');
    await doctorAccount.getByLabel('Пароль', { exact: true }).fill('demo-bakulev');
    await doctorAccount.getByRole('button', { name: 'Войти' }).click();
    const desk = doctor.locator('oz-doctor-desk');
    await desk.getByText('Морозова Галина Петровна').first().waitFor();
    await screenshot(doctor, 'path1-3-queue');
    await desk.getByRole('button', { name: 'Открыть заявку' }).first().click();
    await desk.getByText('ИБС, стенокардия напряжения II ФК').waitFor();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
    await desk.getByLabel('Дата', { exact: true }).fill(tomorrow);
    await desk.getByLabel('Время', { exact: true }).fill('10:30');
    await screenshot(doctor, 'path1-4-schedule');
    await desk.getByRole('button', { name: 'Назначить консультацию' }).click();
    await desk.getByText(/назначена/i).first().waitFor();

    // The resident sees it live: the bell counts one more new notification, «Консультации» lists it.
    await patient.locator('oz-notifications').getByRole('button', { name: 'Уведомления: 2 новых' }).waitFor();
    await consultations.getByRole('heading', { name: 'Предстоящие консультации' }).waitFor();
    await consultations.getByText('10:30').first().waitFor();
    await patient.locator('oz-notifications').getByRole('button', { name: 'Уведомления: 2 новых' }).click();
    await patient.locator('oz-notifications').getByText(/Онлайн-консультация назначена на/).first().waitFor();
    await screenshot(patient, 'path1-5-notified');
    await patient.keyboard.press('Escape');

    // The doctor writes the conclusion from «Мои консультации».
    await desk.getByRole('button', { name: 'Мои консультации' }).click();
    await desk.getByRole('button', { name: 'Написать заключение' }).first().click();
    await desk.getByLabel('Текст заключения').fill('Показана коронарография в плановом порядке.');
    await desk.getByLabel('Рекомендации').fill('Бисопролол 2,5 мг утром. Контроль давления.');
    await desk.getByRole('radio', { name: 'Приглашение на очную консультацию' }).check();
    await desk.getByRole('button', { name: 'Отправить заключение' }).click();
    await desk.getByText('Заключение отправлено. Пациент получит уведомление.').waitFor();
    await screenshot(doctor, 'path1-6-conclusion');

    // The resident reads it.
    await patient.locator('oz-notifications').getByRole('button', { name: /Уведомления: \d+ нов/ }).waitFor();
    await consultations.getByRole('button', { name: 'Прочитать заключение врача' }).first().click();
    await consultations.getByText('Показана коронарография в плановом порядке.').waitFor();
    await consultations.getByText('Бисопролол 2,5 мг утром. Контроль давления.').waitFor();
    await screenshot(patient, 'path1-7-conclusion');
    await patient.context().close();
    await doctor.context().close();
  });
});
