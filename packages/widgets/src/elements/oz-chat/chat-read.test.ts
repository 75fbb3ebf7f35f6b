import type { Consultation, NotificationList } from '@oz/contracts';
import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { callApi, testApi } from '../../../test/api.ts';
import { dutyConsultation, postAs } from '../../../test/chat.ts';
import { shadow } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import type { OzChat } from './oz-chat.ts';

async function unreadOf(token: string, consultationId: string): Promise<number> {
  return ((await callApi('GET', `/consultations/${consultationId}`, { token })).body as Consultation).unreadMessages;
}

async function messageEntries(token: string, consultationId: string) {
  const list = (await callApi('GET', '/notifications?limit=200', { token })).body as NotificationList;
  return list.items.filter((item) => item.kind === 'message_received' && item.data.consultationId === consultationId);
}

describe('<oz-chat> reads what it shows', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));
  beforeEach(forgetSession);

  it('opening the chat marks the doctor\'s messages read on the server, and so does one arriving while it is open', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(doctor.token, consultation.id, 'Здравствуйте! Есть ли у вас свежая ЭКГ?');
    await postAs(doctor.token, consultation.id, 'Если есть, загрузите её.');
    expect(await unreadOf(patient.token, consultation.id)).to.equal(2);
    expect((await messageEntries(patient.token, consultation.id)).map((entry) => entry.readAt)).to.deep.equal([null]);

    session.adopt(patient, testApi);
    const el = await fixture<OzChat>(html`<oz-chat consultation=${consultation.id}></oz-chat>`);
    await waitUntil(() => shadow(el).querySelectorAll('[part~="message"]').length === 2, 'the chat did not load');
    await waitUntil(async () => (await unreadOf(patient.token, consultation.id)) === 0, 'opening did not mark the messages read', { timeout: 5000 });
    const [entry] = await messageEntries(patient.token, consultation.id);
    expect(entry?.readAt, 'the bell entry is read with the chat').to.not.equal(null);

    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    await postAs(doctor.token, consultation.id, 'Жду вас в четверг.');
    await waitUntil(() => shadow(el).querySelectorAll('[part~="message"]').length === 3, 'the message did not arrive live');
    await waitUntil(async () => (await unreadOf(patient.token, consultation.id)) === 0, 'a message read in the open chat stayed unread', { timeout: 5000 });
    await waitUntil(async () => (await messageEntries(patient.token, consultation.id)).every((item) => item.readAt !== null), 'its bell entry stayed unread', { timeout: 5000 });
    // The doctor's side is untouched by the patient's reading.
    await postAs(patient.token, consultation.id, 'Хорошо, спасибо.');
    expect(await unreadOf(doctor.token, consultation.id)).to.equal(1);
  });
});
