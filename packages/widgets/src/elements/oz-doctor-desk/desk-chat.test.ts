import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { signInViaApi, testApi } from '../../../test/api.ts';
import { DUTY, dutyConsultation, messagesOf, postAs } from '../../../test/chat.ts';
import { query, shadow } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import type { OzDoctorDesk } from './oz-doctor-desk.ts';

const desk = ru.doctorDesk;
const card = (el: Element, id: string) => shadow(el).querySelector<HTMLLIElement>(`li[data-consultation-id="${id}"]`);

describe('<oz-doctor-desk> chat with the patient', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('marks a consultation when the patient writes, opens it at the chat, and the doctor answers', async () => {
    const { patient, consultation } = await dutyConsultation({ topic: 'Тянущая боль внизу живота', fullName: 'Жукова Вера Павловна' });
    session.adopt(await signInViaApi(DUTY.kulakov), testApi);
    const el = await fixture<OzDoctorDesk>(html`<oz-doctor-desk section="consultations"></oz-doctor-desk>`);
    await waitUntil(() => card(el, consultation.id), 'the duty consultation is not listed');
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(card(el, consultation.id)!.querySelector('[part~="topic"]')!.textContent).to.equal(`${desk.topic}: Тянущая боль внизу живота`);
    // Booleans, not elements: a failed comparison of elements stalls the test runner's report.
    expect(card(el, consultation.id)!.querySelector('[part~="new-message"]') !== null, 'a «new message» mark').to.equal(false);

    await postAs(patient.token, consultation.id, 'Доктор, боль усилилась. <script>alert(1)</script>');
    await waitUntil(() => card(el, consultation.id)!.querySelector('[part~="new-message"]'), 'no «new message» mark');
    expect(card(el, consultation.id)!.querySelector('[part~="new-message"]')!.textContent).to.contain(desk.newMessage);
    expect(query(el, '[part~="status"]').textContent?.trim()).to.equal(desk.newMessageFrom('Жукова Вера Павловна'));
    await expect(el).to.be.accessible();

    card(el, consultation.id)!.querySelector<HTMLButtonElement>('button[part~="open-chat-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('oz-chat'), 'the consultation did not open');
    const chat = query(el, 'oz-chat');
    expect(chat.getAttribute('consultation')).to.equal(consultation.id);
    await waitUntil(() => chat.shadowRoot?.activeElement?.id === 'chat-title', 'focus did not go to the chat');
    await waitUntil(() => chat.shadowRoot!.querySelector('[part~="text"]'), 'the message is not shown');
    expect(chat.shadowRoot!.querySelector('[part~="text"]')!.textContent).to.equal('Доктор, боль усилилась. <script>alert(1)</script>');
    expect(chat.shadowRoot!.querySelector('[part~="author"]')!.textContent).to.equal(ru.chat.author('Жукова Вера Павловна', ru.chat.roles.patient));
    expect(query(el, '[part~="consultation-details"] [part~="topic"]').textContent).to.contain('Тянущая боль внизу живота');

    const box = chat.shadowRoot!.querySelector('textarea')!;
    box.value = 'Если боль сильная — вызывайте скорую (103).';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const sent = oneEvent(el, 'oz-message-sent');
    chat.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await sent).detail.message.authorRole).to.equal('doctor');
    const onServer = await messagesOf(patient.token, consultation.id);
    expect(onServer.map((m) => [m.authorRole, m.text])).to.deep.equal([
      ['patient', 'Доктор, боль усилилась. <script>alert(1)</script>'],
      ['doctor', 'Если боль сильная — вызывайте скорую (103).'],
    ]);
    // While the chat is open, a new message is not marked as unseen.
    await postAs(patient.token, consultation.id, 'Спасибо!');
    await waitUntil(() => chat.shadowRoot!.querySelectorAll('[part~="text"]').length === 3, 'the reply did not arrive live');
    await expect(el).to.be.accessible();

    query<HTMLButtonElement>(el, 'button[part~="back-button"]').click();
    await waitUntil(() => card(el, consultation.id), 'back to the list');
    expect(card(el, consultation.id)!.querySelector('[part~="new-message"]') !== null, 'the mark stayed after reading').to.equal(false);
  });
});
