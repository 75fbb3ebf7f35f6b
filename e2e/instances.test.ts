import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, registerViaApi, screenshot } from './harness.ts';
import { findNginx, requestLines, servedBy, startInstancesBehindNginx, type Instances } from './instances-harness.ts';
import { reachableServer } from '../server/test/store/test-databases.ts';

const MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection'];
const DOCTOR = { phone: '+79000000001', password: 'demo-bakulev' };
const DUTY = { phone: '+79000000003', password: 'demo-duty' };
/** How long an instance may hold its request log lines before writing them (server/src/lib/logger.ts), and a margin. */
const LOG_FLUSH_MS = 1500;
const PDF = '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n';

const nginx = findNginx();
const database = await reachableServer();
const skip = !nginx ? 'nginx is not installed (apt-get install -y nginx-light; .ci/run does)' : !database ? 'no PostgreSQL server answers (OZ_TEST_DATABASE_URL)' : false;

async function api<T>(origin: string, method: string, path: string, options: { token?: string; json?: unknown; form?: FormData } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${origin}/api/v1${path}`, { method, headers, body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)) });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

async function ok<T>(origin: string, method: string, path: string, options: Parameters<typeof api>[3] = {}): Promise<T> {
  const { status, body } = await api<T>(origin, method, path, options);
  assert.ok(status >= 200 && status < 300, `${method} ${path}: ${status} ${JSON.stringify(body)}`);
  return body;
}

let phoneCounter = 0;
const newPhone = () => `+7923${String((Date.now() + ++phoneCounter * 7919) % 10_000_000).padStart(7, '0')}`;

/** Signs in through <oz-register> on a sample page of the shared address. */
async function signIn(page: Page, account: { phone: string; password: string }) {
  const register = page.locator('oz-register');
  await register.getByLabel('Номер мобильного телефона').fill(account.phone);
  await register.getByLabel('Пароль', { exact: true }).fill(account.password);
  await register.getByRole('button', { name: 'Войти' }).click();
}

async function seesTheOther(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const video = document.querySelector('oz-video-room')?.shadowRoot?.querySelector<HTMLVideoElement>('[part~="remote-video"]');
      return !!video && video.videoWidth > 0 && !video.paused;
    },
    undefined,
    { timeout: 25_000 },
  );
}

describe('several API instances on one database behind nginx (round-robin)', { skip }, () => {
  let deployment: Instances;
  let browser: Browser;
  before(async () => {
    // Sign-in limits are counted per client, and every request here comes from one address.
    deployment = await startInstancesBehindNginx(nginx!, { OZ_RATE_LIMIT_PER_MINUTE: '0' });
    browser = await launchChromium(MEDIA_ARGS);
  });
  after(async () => {
    await browser?.close();
    await deployment?.stop();
  });

  it('gives one consultation for fifty bookings of one slot spread over both instances', async () => {
    const { origin, instances } = deployment;
    const duty = await ok<{ token: string }>(origin, 'POST', '/auth/login', { json: DUTY });
    const start = new Date(Date.now() + 20 * 86_400_000);
    start.setUTCHours(12, 0, 0, 0);
    const published = await ok<{ items: { id: string }[] }>(origin, 'POST', '/duty/slots', {
      token: duty.token,
      json: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 20 * 60_000).toISOString(), durationMinutes: 20 },
    });
    const slotId = published.items[0]!.id;
    const tokens = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        (await registerViaApi(origin, deployment.dataDir, { fullName: `Пациент ${i}`, birthDate: '1950-01-01', phone: newPhone(), password: 'correct horse' })).token,
      ),
    );
    const before = servedBy(instances, 'POST', /\/duty\/slots\/:id\/book$/);
    const answers = await Promise.all(tokens.map((token) => api(origin, 'POST', `/duty/slots/${slotId}/book`, { token })));
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, `statuses: ${statuses.sort().join(',')}`);
    assert.equal(statuses.filter((status) => status === 409).length, 49, `statuses: ${statuses.sort().join(',')}`);
    // The request logs are written asynchronously, within a second (server/src/lib/logger.ts).
    await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS));
    const after = servedBy(instances, 'POST', /\/duty\/slots\/:id\/book$/);
    const perInstance = after.map((count, i) => count - before[i]!);
    assert.ok(perInstance.every((count) => count > 0), `bookings per instance: ${perInstance.join(', ')}`);
    const mine = await ok<{ items: { id: string; status: string }[] }>(origin, 'GET', '/duty/slots/mine', { token: duty.token });
    assert.equal(mine.items.find((slot) => slot.id === slotId)?.status, 'booked');
  });

  it('lets a resident and a doctor chat live, get notifications live and hold a video call through either instance', async () => {
    const { origin, instances } = deployment;
    // Arranged through the API: a patient with an application the doctor schedules in three minutes.
    const patient = { fullName: 'Смирнова Анна Ивановна', birthDate: '1951-09-30', phone: newPhone(), password: 'Ромашка-1951' };
    const { token } = await registerViaApi(origin, deployment.dataDir, patient);
    const documentIds: string[] = [];
    for (const kind of ['discharge_summary', 'ecg', 'echocg']) {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
      documentIds.push((await ok<{ id: string }>(origin, 'POST', '/documents', { token, form })).id);
    }
    const application = await ok<{ id: string }>(origin, 'POST', '/applications', {
      token,
      json: { centerId: 'bakulev', disease: 'coronary_heart_disease', diagnosis: 'ИБС', complaints: 'Одышка при ходьбе', documentIds },
    });
    const doctorApi = await ok<{ token: string }>(origin, 'POST', '/auth/login', { json: DOCTOR });
    const startsAt = new Date(Date.now() + 3 * 60_000).toISOString();
    const consultation = await ok<{ id: string }>(origin, 'POST', `/applications/${application.id}/schedule`, { token: doctorApi.token, json: { startsAt, durationMinutes: 30 } });

    const failures: string[] = [];
    const phone = async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
      context.on('page', (page) => page.on('pageerror', (error) => failures.push(error.message)));
      return context;
    };
    const patientContext = await phone();
    const doctorContext = await phone();
    const portal = await patientContext.newPage();
    await portal.goto(`${origin}/portal.html`);
    await signIn(portal, patient);
    const desk = await doctorContext.newPage();
    await desk.goto(`${origin}/doctor.html`);
    await signIn(desk, DOCTOR);

    // Chat: both have it open; each line reaches the other without a reload.
    const deskElement = desk.locator('oz-doctor-desk');
    await deskElement.getByRole('button', { name: /Мои консультации/ }).click();
    await deskElement.getByRole('button', { name: /Переписка/ }).first().click();
    const consultations = portal.locator('oz-consultations');
    await consultations.getByRole('button', { name: 'Переписка с врачом' }).first().click();
    await consultations.getByLabel('Ваше сообщение').fill('Здравствуйте! Взять ли с собой ЭКГ?');
    await consultations.getByRole('button', { name: 'Отправить', exact: true }).click();
    await deskElement.getByText('Здравствуйте! Взять ли с собой ЭКГ?').first().waitFor({ timeout: 15_000 });
    await deskElement.getByLabel('Ваше сообщение').fill('Да, и выписку тоже.');
    await deskElement.getByRole('button', { name: 'Отправить', exact: true }).click();
    await consultations.getByText('Да, и выписку тоже.').first().waitFor({ timeout: 15_000 });
    await screenshot(portal, 'instances-1-chat-patient');

    // The video call, each in the sample room page of the same address.
    const rooms: Page[] = [];
    for (const [context, account] of [[doctorContext, DOCTOR], [patientContext, patient]] as const) {
      const room = await context.newPage();
      await room.goto(`${origin}/video-room.html?consultation=${consultation.id}`);
      if (await room.locator('oz-register').getByLabel('Номер мобильного телефона').isVisible().catch(() => false)) await signIn(room, account);
      await room.locator('oz-video-room').getByText('Интернета хватает для видеосвязи.').waitFor({ timeout: 25_000 });
      await room.locator('oz-video-room').getByRole('button', { name: 'Войти в консультацию' }).click();
      rooms.push(room);
    }
    await seesTheOther(rooms[0]!);
    await seesTheOther(rooms[1]!);
    await screenshot(rooms[1]!, 'instances-2-call-patient');
    // The doctor ends the call; the patient's room hears it, whichever instance holds each socket.
    await rooms[0]!.locator('oz-video-room').getByRole('button', { name: 'Завершить консультацию' }).click();
    // The confirmation's button (on a narrow screen the call itself is a full-screen dialog with its own «Завершить»).
    await rooms[0]!.locator('oz-video-room [part~="confirm-end-button"]').click();
    await rooms[1]!.locator('oz-video-room').getByText('Врач завершил консультацию.', { exact: false }).waitFor({ timeout: 15_000 });

    // The end of the call and then the conclusion: the patient's bell on the portal page counts both live.
    const bell = portal.locator('oz-notifications');
    // «Заявка отправлена», the date set, the end of the call (the doctor's chat line was read in the open chat).
    await bell.getByRole('button', { name: /Уведомления: 3 нов/ }).waitFor({ timeout: 15_000 });
    await desk.bringToFront();
    // The consultation the doctor chatted in is still open on the desk; on a phone its parts are tabs.
    await deskElement.getByRole('tab', { name: 'Заключение' }).click();
    await deskElement.getByLabel('Текст заключения').fill('Данных за ишемию нет.');
    await deskElement.getByLabel('Рекомендации').fill('Ходьба 30 минут в день.');
    await deskElement.getByRole('button', { name: 'Отправить заключение' }).click();
    await deskElement.getByText('Заключение отправлено. Пациент получит уведомление.').waitFor();
    await bell.getByRole('button', { name: /Уведомления: 4 нов/ }).waitFor({ timeout: 15_000 });
    await screenshot(portal, 'instances-3-notified');

    // Both instances took part: streams, chat and signaling were not all on one of them.
    await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS));
    const requests = instances.map((instance) => requestLines(instance).length);
    assert.ok(requests.every((count) => count > 0), `requests per instance: ${requests.join(', ')}`);
    const streams = servedBy(instances, 'GET', /\/notifications\/stream$/);
    const sockets = servedBy(instances, 'GET', /\/video\/rooms\/:id$/);
    const messages = servedBy(instances, 'POST', /\/consultations\/:id\/messages$/);
    console.log(`streams per instance: ${streams.join(', ')}; signaling sockets: ${sockets.join(', ')}; chat messages: ${messages.join(', ')}`);
    assert.deepEqual(failures, []);
    await patientContext.close();
    await doctorContext.close();
  });
});
