import type { NotificationList } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { callApi, testApi } from '../../../test/api.ts';
import { dutyConsultation, postAs } from '../../../test/chat.ts';
import { patientWithApplication } from '../../../test/consultations.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import { formatWhen } from './notification-text.ts';
import type { OzNotifications } from './oz-notifications.ts';

const bell = (el: OzNotifications) => query<HTMLButtonElement>(el, 'button[part~="bell"]');
const items = (el: OzNotifications) => [...shadow(el).querySelectorAll<HTMLElement>('li[part~="item"]')];
const itemText = (item: HTMLElement) => (item.querySelector('.item-text')?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function renderBell(template = html`<oz-notifications></oz-notifications>`, words = ru.notifications) {
  const el = await fixture<OzNotifications>(template);
  await waitUntil(() => bell(el).getAttribute('aria-label') !== words.bell && liveNotifications(testApi).status === 'open', 'the bell did not load', {
    timeout: 5000,
  });
  return el;
}

describe('<oz-notifications>: chat messages and applications', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));
  beforeEach(forgetSession);

  it('shows one entry per consultation for the doctor\'s messages, counting them live, with «Открыть переписку»', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(doctor.token, consultation.id, 'Здравствуйте!');
    session.adopt(patient, testApi);
    const el = await renderBell();
    const when = formatWhen('ru', consultation.startsAt);
    expect(bell(el).getAttribute('aria-label')).to.equal(ru.notifications.bellLabel(1));
    bell(el).click();
    await el.updateComplete;
    expect(items(el)).to.have.length(1);
    expect(itemText(items(el)[0]!)).to.contain(ru.domain.notificationTexts.message_received(when));

    await postAs(doctor.token, consultation.id, 'Пришлите ЭКГ.');
    await postAs(doctor.token, consultation.id, 'И выписку.');
    await waitUntil(() => itemText(items(el)[0]!).includes(ru.notifications.messagesReceived(3, when)), 'the entry did not count the new messages live');
    expect(items(el), 'still one entry, not three').to.have.length(1);
    expect(bell(el).getAttribute('aria-label')).to.equal(ru.notifications.bellLabel(1));
    const open = query<HTMLButtonElement>(el, 'button[part~="open-chat-button"]');
    expect(open.textContent?.trim()).to.equal(ru.notifications.openChat);
    await expect(el).to.be.accessible();

    const opened = oneEvent(el, 'oz-notification-open');
    open.click();
    const event = await opened;
    expect(event.detail.notification.data.consultationId).to.equal(consultation.id);
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => bell(el).getAttribute('aria-label') === ru.notifications.bellLabel(0), 'the entry was not marked read');
    const unreadOnServer = async () => ((await callApi('GET', '/notifications', { token: patient.token })).body as NotificationList).unread;
    await waitUntil(async () => (await unreadOnServer()) === 0, 'the entry stayed unread on the server', { timeout: 5000 });
  });

  it('marks the entry read live when the chat is read on another page', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(doctor.token, consultation.id, 'Здравствуйте!');
    session.adopt(patient, testApi);
    const el = await renderBell();
    expect(bell(el).getAttribute('aria-label')).to.equal(ru.notifications.bellLabel(1));
    await callApi('POST', `/consultations/${consultation.id}/messages/read`, { token: patient.token });
    await waitUntil(() => bell(el).getAttribute('aria-label') === ru.notifications.bellLabel(0), 'the count did not go down live');
    bell(el).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="unread-mark"]')).to.equal(null);
  });

  it('says «Заявка отправлена» after applying, in Russian and English', async () => {
    const { auth } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await renderBell();
    bell(el).click();
    await el.updateComplete;
    expect(text(el)).to.contain('Заявка отправлена');
    expect(text(el)).to.contain(ru.domain.notificationTexts.application_submitted());
    const english = await renderBell(html`<oz-notifications lang="en"></oz-notifications>`, en.notifications);
    bell(english).click();
    await english.updateComplete;
    expect(text(english)).to.contain(en.domain.notificationTexts.application_submitted());
  });
});
