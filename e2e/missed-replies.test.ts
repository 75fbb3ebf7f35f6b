import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoServerAndBrowser, phonePage, screenshot } from './harness.ts';

/** Issue 11, «nothing missed»: a doctor's reply waits for the resident in the bell and on the card, across reloads. */
describe('a reply from the doctor is not missed', () => {
  const run = demoServerAndBrowser();

  it('the doctor writes; after a reload the resident sees «Новое сообщение» and the bell entry, opens the chat from the bell, and it is read', async () => {
    const { server, browser } = run;
    const api = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.origin}/api/v1${path}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      });
      assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    };
    // A resident registered (the phone proved by the SMS code) and booked the duty doctor.
    const phone = '+79005550177';
    await api('POST', '/auth/phone-code', undefined, { phone, purpose: 'register' });
    const outbox = (await readFile(join(server.dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n');
    const code = /(\d{6})/.exec((JSON.parse(outbox.at(-1)!) as { text: string }).text)?.[1];
    const patient = await api<{ token: string }>('POST', '/auth/register', undefined, {
      fullName: 'Орлова Нина Павловна', birthDate: '1949-05-20', phone, password: 'orlova-1949', consent: true, code,
    });
    const slots = await api<{ items: { id: string }[] }>('GET', '/duty/slots?centerId=bakulev');
    const consultation = await api<{ id: string }>('POST', `/duty/slots/${slots.items[0]!.id}/book`, patient.token, { topic: 'Давление' });

    // The resident's page is open; the duty doctor answers from the desk's API.
    const page = await phonePage(browser);
    await page.context().addInitScript(([key, value]) => localStorage.setItem(key, value), [`oz:session:${server.origin}`, patient.token] as const);
    await page.goto(`${server.origin}/portal.html`);
    const consultations = page.locator('oz-consultations');
    await consultations.getByRole('button', { name: 'Переписка с врачом' }).waitFor();
    const duty = await api<{ token: string }>('POST', '/auth/login', undefined, { phone: '+79000000003', password: 'demo-duty' });
    await api('POST', `/consultations/${consultation.id}/messages`, duty.token, { text: 'Здравствуйте! Возьмите с собой дневник давления.' });

    // A reload: the marker and the bell entry come from the server.
    await page.reload();
    await consultations.getByText('Новое сообщение').waitFor();
    const bell = page.locator('oz-notifications');
    await bell.getByRole('button', { name: 'Уведомления: 1 новое' }).click();
    await bell.getByText(/Новое сообщение в переписке по консультации/).waitFor();
    await screenshot(page, 'missed-1-bell');

    await bell.getByRole('button', { name: 'Открыть переписку' }).click();
    await consultations.getByText('Здравствуйте! Возьмите с собой дневник давления.').waitFor();
    await bell.getByRole('button', { name: 'Уведомления: новых нет' }).waitFor();
    await screenshot(page, 'missed-2-chat');

    // Read on the server: another reload shows nothing new.
    await page.reload();
    await consultations.getByRole('button', { name: 'Переписка с врачом' }).waitFor();
    await bell.getByRole('button', { name: 'Уведомления: новых нет' }).waitFor();
    assert.equal(await consultations.getByText('Новое сообщение').count(), 0);
    const read = await api<{ unreadMessages: number }>('GET', `/consultations/${consultation.id}`, patient.token);
    assert.equal(read.unreadMessages, 0);
    await page.context().close();
  });
});
