import { MESSAGE_MAX } from '@oz/contracts/constants';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { registerPatient, testApi } from '../../../test/api.ts';
import { DUTY, cancelAs, dutyConsultation, messagesOf, postAs } from '../../../test/chat.ts';
import { watchEventSources } from '../../../test/consultations.ts';
import { query, shadow } from '../../../test/dom.ts';
import { loadMoreButton, loadMoreName, pressEnterOn, pressWhileFailing } from '../../../test/paging.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import { chatChecks, type ChatChecks } from './load-chat-checks.ts';
import type { OzChat } from './oz-chat.ts';

const t = ru.chat;
const textarea = (el: Element) => query<HTMLTextAreaElement>(el, 'textarea');
const sendButton = (el: Element) => query<HTMLButtonElement>(el, 'button[part~="send-button"]');
const messages = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="message"]')];
const messageTexts = (el: Element) => messages(el).map((m) => m.querySelector('[part~="text"]')!.textContent);
const groups = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="group"]')];
const announcer = (el: Element) => query(el, '[part="announcer"]').textContent?.trim() ?? '';
const counter = (el: Element) => query(el, '[part~="counter"]').textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Types like a person: the value changes and an input event fires. */
function type(el: OzChat, value: string) {
  const box = textarea(el);
  box.focus();
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function openChat(consultationId: string, lang?: string) {
  const el = await fixture<OzChat>(
    lang
      ? html`<oz-chat consultation=${consultationId} lang=${lang}></oz-chat>`
      : html`<oz-chat consultation=${consultationId}></oz-chat>`,
  );
  await waitUntil(() => shadow(el).querySelector('[part~="log"], [part~="load-error"]'), 'the chat did not load', { timeout: 5000 });
  return el;
}

describe('<oz-chat>', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('asks a signed-out visitor to sign in', async () => {
    const el = await fixture<OzChat>(html`<oz-chat consultation="anything"></oz-chat>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(t.signInPrompt);
    // `prompt` is the part's old name, kept for one release.
    expect(query(el, '[part~="prompt"]').textContent).to.equal(t.signInPrompt);
    expect(shadow(el).querySelector('textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends with the button and receives the doctor\'s answer live, grouped by author, with «Вы» on own messages', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id);
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(query(el, '[part="title"]').textContent).to.equal(t.titleWithDoctor);
    expect(query(el, '[part="title"]').getAttribute('aria-level')).to.equal('3');
    expect(query(el, '[part~="empty"]').textContent).to.equal(t.empty);
    expect(counter(el)).to.equal(t.counter(0, 2000));
    await expect(el).to.be.accessible();

    type(el, '  Здравствуйте! Можно ли пить кофе перед консультацией?\nИ взять ли анализы?  ');
    await el.updateComplete;
    expect(counter(el)).to.equal(t.counter('Здравствуйте! Можно ли пить кофе перед консультацией?\nИ взять ли анализы?'.length, 2000));
    const sent = oneEvent(el, 'oz-message-sent');
    sendButton(el).click();
    const event = await sent;
    expect(event.detail.message.text).to.equal('Здравствуйте! Можно ли пить кофе перед консультацией?\nИ взять ли анализы?');
    await waitUntil(() => messages(el).length === 1, 'the sent message is not shown');
    expect(textarea(el).value, 'the box is emptied for the next message').to.equal('');
    expect(shadow(el).activeElement).to.equal(textarea(el));
    expect(announcer(el)).to.equal(t.sent);
    expect(groups(el)[0]!.getAttribute('part')).to.contain('own');
    expect(groups(el)[0]!.querySelector('[part~="author"]')!.textContent).to.equal(t.you);
    // The live copy of one's own message is not shown twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messages(el)).to.have.length(1);
    const onServer = await messagesOf(patient.token, consultation.id);
    expect(onServer.map((m) => m.text)).to.deep.equal([event.detail.message.text]);

    // The doctor answers from the desk (here: the API); it arrives without reloading anything.
    await postAs(doctor.token, consultation.id, 'Кофе можно. Анализы не нужны.');
    await postAs(doctor.token, consultation.id, 'До встречи!');
    await waitUntil(() => messages(el).length === 3, 'the answer did not arrive live');
    expect(messageTexts(el)).to.deep.equal([event.detail.message.text, 'Кофе можно. Анализы не нужны.', 'До встречи!']);
    // Two answers in a row are one group under one author line.
    expect(groups(el)).to.have.length(2);
    const theirs = groups(el)[1]!;
    expect(theirs.getAttribute('part')).to.contain('theirs');
    expect(theirs.querySelector('[part~="author"]')!.textContent).to.equal(t.author(DUTY.kulakov.fullName, t.roles.doctor));
    expect(announcer(el)).to.equal(t.incoming(t.author(DUTY.kulakov.fullName, t.roles.doctor), 'До встречи!'));
    // Time in the reader's time zone, the exact moment in datetime.
    const time = theirs.querySelector('time')!;
    const at = new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit' }).format(Date.parse(time.dateTime));
    expect(time.textContent).to.equal(t.sentAt(at));
    expect(shadow(el).querySelector('[part~="day"]')!.textContent).to.equal(t.today);
    await expect(el).to.be.accessible();
  });

  it('sends with Ctrl+Enter, while Enter alone starts a new line', async () => {
    const { patient, consultation } = await dutyConsultation();
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id);
    textarea(el).focus();
    await sendKeys({ type: 'Первая строка' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'вторая строка' });
    expect(textarea(el).value).to.equal('Первая строка\nвторая строка');
    expect(messages(el)).to.have.length(0);
    await sendKeys({ press: 'Control+Enter' });
    await waitUntil(() => messages(el).length === 1, 'Ctrl+Enter did not send');
    expect((await messagesOf(patient.token, consultation.id))[0]!.text).to.equal('Первая строка\nвторая строка');
  });

  it('catches up with messages sent while the connection was down', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    session.adopt(patient, testApi);
    const live = liveNotifications(testApi);
    const retry = live.retry.initialMs;
    const watch = watchEventSources();
    try {
      const el = await openChat(consultation.id);
      await waitUntil(() => live.status === 'open' && watch.opened.length > 0, 'the live stream did not open');
      live.retry.initialMs = 1500;
      // The line drops (a rural connection); the doctor writes meanwhile.
      watch.opened[watch.opened.length - 1]!.dispatchEvent(new Event('error'));
      expect(live.status).to.equal('waiting');
      await postAs(doctor.token, consultation.id, 'Пока вас не было на связи');
      await waitUntil(() => messages(el).length === 1, 'the missed message did not appear after the reconnect', { timeout: 8000 });
      expect(messageTexts(el)).to.deep.equal(['Пока вас не было на связи']);
    } finally {
      live.retry.initialMs = retry;
      watch.restore();
    }
  });

  it('counts characters, refuses a message over 2000 with a clear error, and an empty one', async () => {
    const { patient, consultation } = await dutyConsultation();
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id);

    sendButton(el).click();
    await waitUntil(() => shadow(el).querySelector('[part~="field-error"]'), 'no error for an empty message');
    expect(query(el, '[part~="field-error"]').textContent).to.equal(t.emptyMessage);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(textarea(el));

    type(el, 'я'.repeat(2010));
    await el.updateComplete;
    expect(counter(el)).to.contain(t.overLimit(2010, 2000));
    expect(query(el, '[part~="counter"]').getAttribute('part')).to.contain('counter-over');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(el).getAttribute('aria-describedby')).to.contain('chat-counter');
    expect(query(el, '[aria-live="polite"]').textContent).to.equal(t.tooLong);
    sendButton(el).click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shadow(el).activeElement).to.equal(textarea(el));
    expect(messages(el)).to.have.length(0);
    expect(await messagesOf(patient.token, consultation.id), 'nothing reached the server').to.have.length(0);
    await expect(el).to.be.accessible();

    type(el, 'я'.repeat(2000));
    await el.updateComplete;
    expect(counter(el)).to.equal(t.counter(2000, 2000));
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('false');
    sendButton(el).click();
    await waitUntil(() => messages(el).length === 1, 'a message of exactly 2000 characters was not sent');
  });

  it('shows the message limit from the first render, whatever becomes of the pre-check chunk', async () => {
    // The chunk's request hangs on a slow connection; the limit must not wait for it.
    const load = chatChecks.load;
    let arrive: ((checks: ChatChecks) => void) | undefined;
    chatChecks.load = () => new Promise((resolve) => (arrive = resolve));
    try {
      const { patient, consultation } = await dutyConsultation();
      session.adopt(patient, testApi);
      const el = await openChat(consultation.id);
      expect(counter(el)).to.equal(t.counter(0, MESSAGE_MAX));
      type(el, 'я'.repeat(MESSAGE_MAX + 1));
      await el.updateComplete;
      expect(query(el, '[part~="counter"]').getAttribute('part')).to.contain('counter-over');

      // When the chunk does come (here with another idea of the limit), the limit stays the contract's.
      expect(arrive, 'the chunk was asked for').to.not.equal(undefined);
      arrive!({ ...(await load()), MESSAGE_MAX: 10 } as unknown as ChatChecks);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      type(el, 'Здравствуйте');
      await el.updateComplete;
      expect(counter(el)).to.equal(t.counter('Здравствуйте'.length, MESSAGE_MAX));
    } finally {
      chatChecks.load = load;
    }
  });

  it('shows markup someone typed as plain text, never as HTML', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    const hostile = '<img src=x onerror="window.__ozChatPwned = true"><b>жирный</b>';
    await postAs(doctor.token, consultation.id, hostile);
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id);
    await waitUntil(() => messages(el).length === 1, 'the message is not shown');
    const shown = messages(el)[0]!.querySelector('[part~="text"]')!;
    expect(shown.textContent).to.equal(hostile);
    expect(shadow(el).querySelector('img, b')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as unknown as { __ozChatPwned?: boolean }).__ozChatPwned).to.equal(undefined);
  });

  it('tells a stranger clearly that the chat is not theirs (the API answers 404)', async () => {
    const { consultation } = await dutyConsultation();
    const { auth: stranger } = await registerPatient();
    session.adopt(stranger, testApi);
    const el = await openChat(consultation.id);
    expect(query(el, '[part~="load-error"]').textContent).to.equal(t.notFound);
    expect(query(el, '[part~="load-error"]').getAttribute('role')).to.equal('alert');
    expect(shadow(el).querySelector('textarea')).to.equal(null);
    expect(shadow(el).querySelector('[part~="retry-button"]'), 'retrying will not help').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('becomes read-only with a note when the consultation is cancelled, live', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(patient.token, consultation.id, 'Можно перенести?');
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id);
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(shadow(el).querySelector('textarea')).not.to.equal(null);

    await cancelAs(doctor.token, consultation.id);
    await waitUntil(() => shadow(el).querySelector('[part="closed-note"]'), 'the chat did not close');
    expect(query(el, '[part="closed-note"]').textContent).to.equal(t.closed);
    expect(shadow(el).querySelector('textarea')).to.equal(null);
    expect(messageTexts(el), 'earlier messages can still be read').to.deep.equal(['Можно перенести?']);
    await expect(el).to.be.accessible();
  });

  it('says the chat closed when a send is refused because the consultation was just cancelled', async () => {
    const { patient, consultation } = await dutyConsultation();
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id);
    type(el, 'Успею?');
    // Cancelled in another tab: nobody notifies the one who cancelled, so this page has not heard.
    await cancelAs(patient.token, consultation.id);
    sendButton(el).click();
    await waitUntil(() => shadow(el).querySelector('[part="closed-note"]'), 'the chat did not close after the 409');
    expect(query(el, '[part~="form-error"]').textContent?.trim()).to.equal(t.closedNow);
  });

  it('shows the doctor the patient\'s name and «Переписка с пациентом»', async () => {
    const { patient, doctor, consultation } = await dutyConsultation({ fullName: 'Орлова Ирина Петровна' });
    await postAs(patient.token, consultation.id, 'Добрый день');
    session.adopt(doctor, testApi);
    const el = await openChat(consultation.id);
    expect(query(el, '[part="title"]').textContent).to.equal(t.titleWithPatient);
    expect(query(el, '[part~="author"]').textContent).to.equal(t.author('Орлова Ирина Петровна', t.roles.patient));
  });

  it('opens at the latest messages; earlier ones come above on request without moving what the reader sees', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    // Long enough that three of them overflow the conversation's box.
    const texts = Array.from({ length: 7 }, (_, i) => `Сообщение ${i + 1}.${' Давление к вечеру поднимается, голова тяжёлая.'.repeat(5)}`);
    const posted = [];
    for (const [i, text] of texts.entries()) posted.push(await postAs(i % 2 ? doctor.token : patient.token, consultation.id, text));
    session.adopt(patient, testApi);
    // As wide as a phone: the button's words take two lines there, «Загружаем…» one.
    const phone = await fixture<HTMLDivElement>(html`<div style="width: 360px"><oz-chat consultation=${consultation.id} page-size="3"></oz-chat></div>`);
    const el = phone.querySelector('oz-chat')!;
    await waitUntil(() => messages(el).length === 3, 'the latest page is not shown');
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(messageTexts(el), 'the latest three, oldest first').to.deep.equal(texts.slice(4));
    const log = query(el, '[part~="log"]');
    expect(log.scrollHeight).to.be.greaterThan(log.clientHeight);
    expect(log.scrollTop + log.clientHeight, 'it opens at the newest message').to.be.closeTo(log.scrollHeight, 2);
    const more = () => loadMoreButton(el);
    expect(loadMoreName(more())).to.equal(t.showEarlier);
    expect(log.contains(more()), 'the button is in the conversation').to.equal(true);
    expect(more()!.compareDocumentPosition(messages(el)[0]!) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the messages').to.not.equal(0);
    await expect(el).to.be.accessible();

    // The reader scrolls up to the top and asks for earlier messages from the keyboard.
    log.scrollTop = 0;
    const message = (id: string) => query(el, `[data-message-id="${id}"]`);
    const offset = (id: string) => message(id).getBoundingClientRect().top - log.getBoundingClientRect().top;
    const before = offset(posted[4]!.id);
    await pressEnterOn(more()!);
    await waitUntil(() => messages(el).length === 6, 'the earlier messages did not come');
    expect(messageTexts(el)).to.deep.equal(texts.slice(1));
    expect(offset(posted[4]!.id), 'the message the reader was looking at stays in place').to.be.closeTo(before, 2);
    expect(shadow(el).activeElement).to.equal(more());

    // The earliest page fails once; the same button tries again.
    const error = await pressWhileFailing(el, `/consultations/${consultation.id}/messages`);
    expect(error.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`${ru.paging.moreFailed} ${ru.errors.internal}`);
    expect(loadMoreName(more())).to.equal(ru.paging.retry);
    expect(messages(el)).to.have.length(6);
    await expect(el).to.be.accessible();
    await pressEnterOn(more()!);
    await waitUntil(() => messages(el).length === 7, 'the retry did not bring the earliest messages');
    expect(messageTexts(el), 'every message once, oldest first').to.deep.equal(texts);
    expect(more(), 'nothing earlier is left').to.equal(null);
    expect(shadow(el).activeElement, 'focus goes to the earliest message').to.equal(message(posted[0]!.id));

    // A new one comes live at the bottom, once, and is scrolled to.
    await postAs(doctor.token, consultation.id, 'Измерьте давление утром и вечером.');
    await waitUntil(() => messages(el).length === 8, 'the new message did not arrive live');
    expect(messageTexts(el)).to.deep.equal([...texts, 'Измерьте давление утром и вечером.']);
    await waitUntil(() => log.scrollTop + log.clientHeight >= log.scrollHeight - 2, 'the newest message is not in view');
  });

  it('speaks English with lang="en"', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(doctor.token, consultation.id, 'Hello');
    session.adopt(patient, testApi);
    const el = await openChat(consultation.id, 'en');
    expect(query(el, '[part="title"]').textContent).to.equal(en.chat.titleWithDoctor);
    expect(query(el, 'label').textContent).to.equal(en.chat.messageLabel);
    expect(sendButton(el).textContent?.trim()).to.equal(en.chat.send);
    expect(query(el, '[part~="author"]').textContent).to.equal(en.chat.author(DUTY.kulakov.fullName, en.chat.roles.doctor));
    expect(query(el, '[part~="day"]').textContent).to.equal(en.chat.today);
    await expect(el).to.be.accessible();
  });
});
