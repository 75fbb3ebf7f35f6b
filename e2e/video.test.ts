import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { demoServerAndBrowser, registerViaApi, screenshot, type RunningServer } from './harness.ts';

/** Fake camera and microphone, permission without a prompt, ICE over loopback (see TOOLCHAIN.md). */
const MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection'];
const DOCTOR = { phone: '+79000000001', password: 'demo-bakulev' };
const PDF = '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n';

/** Calls the API as a script would, to arrange the consultation. */
async function api<T>(server: RunningServer, method: string, path: string, options: { token?: string; json?: unknown; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${server.origin}/api/v1${path}`, {
    method,
    headers,
    body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
  });
  const body = (await response.json().catch(() => undefined)) as T;
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A patient with documents and an application, scheduled by the demo doctor to start in 3 minutes. */
async function arrangeConsultation(server: RunningServer) {
  const patient = { fullName: 'Смирнова Анна Ивановна', birthDate: '1951-09-30', phone: `+7922${String(Date.now()).slice(-7)}`, password: 'Ромашка-1951' };
  const { token } = await registerViaApi(server.origin, server.dataDir, patient);
  const documentIds: string[] = [];
  for (const kind of ['discharge_summary', 'ecg', 'echocg']) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
    documentIds.push((await api<{ id: string }>(server, 'POST', '/documents', { token, form })).id);
  }
  const application = await api<{ id: string }>(server, 'POST', '/applications', {
    token,
    json: { centerId: 'bakulev', disease: 'coronary_heart_disease', diagnosis: 'ИБС', complaints: 'Одышка при ходьбе', documentIds },
  });
  const doctor = await api<{ token: string }>(server, 'POST', '/auth/login', { json: DOCTOR });
  const startsAt = new Date(Date.now() + 3 * 60_000).toISOString();
  const consultation = await api<{ id: string }>(server, 'POST', `/applications/${application.id}/schedule`, {
    token: doctor.token,
    json: { startsAt, durationMinutes: 30 },
  });
  return { patient, consultationId: consultation.id };
}

/** Opens the sample page on a phone-sized screen and signs in through <oz-register>. */
async function openRoom(browser: Browser, server: RunningServer, consultationId: string, account: { phone: string; password: string }) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU' });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  // The page's Content-Security-Policy refused something the room needs (an inline style, a socket).
  page.on('console', (message) => /Content Security Policy/.test(message.text()) && failures.push(message.text()));
  await page.goto(`${server.origin}/video-room.html?consultation=${consultationId}`);
  const register = page.locator('oz-register');
  await register.getByLabel('Номер мобильного телефона').fill(account.phone);
  await register.getByLabel('Пароль', { exact: true }).fill(account.password);
  await register.getByRole('button', { name: 'Войти' }).click();
  return { context, page, failures };
}

/** The remote video has a picture and its clock advances. */
async function seesTheOther(page: Page): Promise<void> {
  const remote = page.locator('oz-video-room [part~="remote-video"]');
  await remote.waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForFunction(
    () => {
      const video = document.querySelector('oz-video-room')?.shadowRoot?.querySelector<HTMLVideoElement>('[part~="remote-video"]');
      return !!video && video.videoWidth > 0 && !video.paused;
    },
    undefined,
    { timeout: 20_000 },
  );
  const first = await remote.evaluate((video: HTMLVideoElement) => video.currentTime);
  await page.waitForTimeout(700);
  const second = await remote.evaluate((video: HTMLVideoElement) => ({ time: video.currentTime, width: video.videoWidth }));
  assert.ok(second.width > 0, 'the remote video has no picture');
  assert.ok(second.time > first, `the remote video does not advance (${first} → ${second.time})`);
}

describe('video consultation: the doctor and the patient see each other in the embedded room', () => {
  const run = demoServerAndBrowser(MEDIA_ARGS);

  it('joins both on phones, shows each the other, and tells the doctor when the patient leaves', async () => {

    const { server, browser } = run;
    const { patient, consultationId } = await arrangeConsultation(server);
    const doctorSide = await openRoom(browser, server, consultationId, DOCTOR);
    const patientSide = await openRoom(browser, server, consultationId, patient);

    for (const [name, side] of [['doctor', doctorSide], ['patient', patientSide]] as const) {
      const room = side.page.locator('oz-video-room');
      await room.getByText('Интернета хватает для видеосвязи.').waitFor({ timeout: 20_000 });
      await screenshot(side.page, `video-360-${name}-1-check`);
    }

    await doctorSide.page.locator('oz-video-room').getByRole('button', { name: 'Войти в консультацию' }).click();
    await doctorSide.page.locator('oz-video-room').getByText('Ожидаем пациента.').waitFor();
    await patientSide.page.locator('oz-video-room').getByRole('button', { name: 'Войти в консультацию' }).click();

    await seesTheOther(doctorSide.page);
    await seesTheOther(patientSide.page);
    await patientSide.page.locator('oz-video-room').getByText('Качество связи: хорошее').waitFor({ timeout: 15_000 });
    await screenshot(doctorSide.page, 'video-360-doctor-2-call');
    await screenshot(patientSide.page, 'video-360-patient-2-call');

    // The doctor's extra button, and none for the patient.
    assert.equal(await doctorSide.page.locator('oz-video-room').getByRole('button', { name: 'Завершить консультацию' }).count(), 1);
    assert.equal(await patientSide.page.locator('oz-video-room').getByRole('button', { name: 'Завершить консультацию' }).count(), 0);

    await patientSide.page.locator('oz-video-room').getByRole('button', { name: 'Выйти из консультации' }).click();
    await patientSide.page.locator('oz-video-room').getByText('Вы вышли из консультации').waitFor();
    await doctorSide.page.locator('oz-video-room').getByText('Пациент вышел из консультации.').waitFor({ timeout: 10_000 });
    assert.equal(await doctorSide.page.locator('oz-video-room [part~="remote-video"]').isHidden(), true);
    await screenshot(doctorSide.page, 'video-360-doctor-3-patient-left');
    await screenshot(patientSide.page, 'video-360-patient-3-left');

    assert.deepEqual([...doctorSide.failures, ...patientSide.failures], []);
    await doctorSide.context.close();
    await patientSide.context.close();
  });
});
