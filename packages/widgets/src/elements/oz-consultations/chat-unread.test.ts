import type { Consultation } from '@oz/contracts';
import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { callApi, testApi } from '../../../test/api.ts';
import { dutyConsultation, postAs } from '../../../test/chat.ts';
import { query, shadow } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import type { OzNotifications } from '../oz-notifications/oz-notifications.ts';
import type { OzConsultations } from './oz-consultations.ts';

const t = ru.consultations;
const marker = (el: Element) => shadow(el).querySelector<HTMLElement>('[part~="new-message"]');
const chatButton = (el: Element) => query<HTMLButtonElement>(el, 'button[part~="chat-button"]');
const bell = (el: OzNotifications) => query<HTMLButtonElement>(el, 'button[part~="bell"]');

/** The patient's cabinet as a page shows it after a reload: the bell and the consultations. */
async function renderCabinet() {
  const page = await fixture<HTMLDivElement>(html`<div><oz-notifications></oz-notifications><oz-consultations></oz-consultations></div>`);
  const notifications = page.querySelector('oz-notifications')!;
  const consultations = page.querySelector('oz-consultations')!;
  await waitUntil(() => shadow(consultations).querySelector('[part~="section"]'), 'the consultations did not load', { timeout: 5000 });
  await waitUntil(() => bell(notifications).getAttribute('aria-label') !== ru.notifications.bell && liveNotifications(testApi).status === 'open', 'the bell did not load', {
    timeout: 5000,
  });
  return { page, notifications, consultations: consultations as OzConsultations };
}

async function unreadOf(token: string, consultationId: string): Promise<number> {
  return ((await callApi('GET', `/consultations/${consultationId}`, { token })).body as Consultation).unreadMessages;
}

describe('<oz-consultations>: messages not read yet', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));
  beforeEach(forgetSession);

  it('shows «Новое сообщение» from the server after a reload; the bell\'s «Открыть переписку» opens that chat, which reads it', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    // The doctor writes while the patient's page is closed.
    await postAs(doctor.token, consultation.id, 'Здравствуйте! Возьмите с собой результаты анализов.');
    session.adopt(patient, testApi);
    const first = await renderCabinet();
    expect(marker(first.consultations)?.textContent, 'the card says so after a reload').to.contain(t.newMessage);
    expect(bell(first.notifications).getAttribute('aria-label')).to.equal(ru.notifications.bellLabel(1));
    await expect(first.consultations).to.be.accessible();

    // From the bell to the chat.
    bell(first.notifications).click();
    await first.notifications.updateComplete;
    query<HTMLButtonElement>(first.notifications, 'button[part~="open-chat-button"]').click();
    await waitUntil(() => shadow(first.consultations).querySelector('oz-chat'), 'the bell did not open the chat');
    const chat = query(first.consultations, 'oz-chat');
    expect(chat.getAttribute('consultation')).to.equal(consultation.id);
    expect(chatButton(first.consultations).getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => chat.shadowRoot?.activeElement?.id === 'chat-title', 'focus did not go to the chat');
    await waitUntil(() => chat.shadowRoot?.querySelectorAll('[part~="message"]').length === 1, 'the chat did not show the message');
    await waitUntil(async () => (await unreadOf(patient.token, consultation.id)) === 0, 'the message stayed unread on the server', { timeout: 5000 });
    await waitUntil(() => bell(first.notifications).getAttribute('aria-label') === ru.notifications.bellLabel(0), 'the bell still counts it');

    // Closed again, and after another reload: nothing is «new» any more.
    chatButton(first.consultations).click();
    await first.consultations.updateComplete;
    expect(marker(first.consultations)).to.equal(null);
    first.page.remove();
    const second = await renderCabinet();
    expect(marker(second.consultations)).to.equal(null);
    expect(bell(second.notifications).getAttribute('aria-label')).to.equal(ru.notifications.bellLabel(0));
  });

  it('opening the chat by its own button reads it too; a reload then shows no marker', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(doctor.token, consultation.id, 'Добрый день!');
    session.adopt(patient, testApi);
    const { page, consultations } = await renderCabinet();
    expect(marker(consultations)).to.not.equal(null);
    chatButton(consultations).click();
    await consultations.updateComplete;
    expect(marker(consultations), 'the open chat shows the message itself').to.equal(null);
    await waitUntil(async () => (await unreadOf(patient.token, consultation.id)) === 0, 'opening did not read the chat', { timeout: 5000 });
    chatButton(consultations).click();
    await consultations.updateComplete;
    expect(marker(consultations), 'read: no marker when closed again').to.equal(null);
    page.remove();
    const again = await renderCabinet();
    expect(marker(again.consultations)).to.equal(null);
  });
});
