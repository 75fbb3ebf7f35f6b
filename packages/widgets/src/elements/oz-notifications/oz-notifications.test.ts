import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import type { NotificationList } from '@oz/contracts';
import { callApi, newPatientAuth, testApi } from '../../../test/api.ts';
import { bookAs, cancelAs, dutyConsultation } from '../../../test/chat.ts';
import {
  applyToBakulev,
  declineAsDoctor,
  patientState,
  patientWithApplication,
  scheduleAsDoctor,
} from '../../../test/consultations.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { loadMoreAnnouncement, loadMoreButton, loadMoreError, loadMoreName, pressEnterOn, pressWhileFailing } from '../../../test/paging.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import { keepBellRoom } from '../../internal/loading-placeholder.ts';
import { formatWhen } from './notification-text.ts';
import type { OzNotifications } from './oz-notifications.ts';

const bell = (el: OzNotifications) => query<HTMLButtonElement>(el, 'button[part~="bell"]');
const panel = (el: OzNotifications) => query(el, '[part="panel"]');
const items = (el: OzNotifications) => [...shadow(el).querySelectorAll<HTMLElement>('li[part~="item"]')];
const live = () => liveNotifications(testApi);
const ids = (el: OzNotifications) => items(el).map((item) => item.dataset.notificationId);

/**
 * A patient whose duty doctor cancelled their booking `count` times (booked again in between): that
 * many notifications. Returns what it takes to make one more.
 */
async function patientWithCancellations(count: number) {
  const { patient, doctor, consultation, slot } = await dutyConsultation();
  let booked = consultation;
  for (let made = 0; made < count; made += 1) {
    if (made > 0) booked = await bookAs(patient.token, slot.id);
    await cancelAs(doctor.token, booked.id);
  }
  return {
    patient,
    async cancelOnceMore() {
      await cancelAs(doctor.token, (await bookAs(patient.token, slot.id)).id);
    },
  };
}

async function notificationsOnServer(token: string): Promise<NotificationList> {
  return (await callApi('GET', '/notifications?limit=200', { token })).body as NotificationList;
}

/** Marks read what the user has so far (applying puts «Заявка отправлена» in the bell), for a test that starts with none new. */
async function readEverything(token: string): Promise<void> {
  for (const item of (await notificationsOnServer(token)).items) await callApi('POST', `/notifications/${item.id}/read`, { token });
}

/** Renders the bell and waits until its list is loaded and the live stream is open. */
async function renderBell(template = html`<oz-notifications></oz-notifications>`) {
  const el = await fixture<OzNotifications>(template);
  // Until the list is read the bell is only its word (in either language); then it says the count.
  const bare = [ru.notifications.bell, en.notifications.bell];
  await waitUntil(() => !bare.includes(bell(el).getAttribute('aria-label') ?? '') && live().status === 'open', 'the bell did not load', { timeout: 5000 });
  return el;
}

describe('<oz-notifications>', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('shows a signed-out visitor the bell (no sentence in the header); its panel says where notifications will appear', async () => {
    const el = await fixture<OzNotifications>(html`<oz-notifications></oz-notifications>`);
    await waitUntil(() => shadow(el).querySelector('button[part~="bell"]'), 'no bell for a visitor');
    expect(bell(el).getAttribute('aria-label')).to.equal(ru.notifications.bell);
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).querySelector('[part~="badge"]')).to.equal(null);
    expect(panel(el).hidden, 'the sentence stays in the closed panel, out of the header').to.equal(true);
    bell(el).click();
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(false);
    expect(query(el, '[part~="sign-in-prompt"]').textContent?.trim()).to.equal(ru.notifications.signInPrompt);
    expect(shadow(el).querySelector('[part~="list"], [part~="loading"]'), 'nothing is loaded for nobody').to.equal(null);
    expect(live().status).to.equal('idle');
    await expect(el).to.be.accessible();
  });

  it('shows a doctor\'s action live, without reload: the count goes up, the text is in Russian, oz-notification fires', async () => {
    const { auth, application } = await patientWithApplication();
    await readEverything(auth.token);
    session.adopt(auth, testApi);
    const el = await renderBell();
    expect(bell(el).getAttribute('aria-label')).to.equal('Уведомления: новых нет');
    expect(shadow(el).querySelector('[part="badge"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const heard = oneEvent(el, 'oz-notification');
    // Another party acts: the center's doctor schedules the application.
    const consultation = await scheduleAsDoctor(application.id);
    const event = await heard;
    expect(event.detail.notification.kind).to.equal('application_scheduled');
    expect(event.bubbles && event.composed).to.equal(true);
    // The event may come before the element has drawn it: wait for the count, then the announcement.
    await waitUntil(() => bell(el).getAttribute('aria-label') === 'Уведомления: 1 новое', `label: ${bell(el).getAttribute('aria-label')}`);
    expect(query(el, '[part="badge"]').textContent?.trim()).to.equal('1');
    const expected = ru.domain.notificationTexts.application_scheduled(formatWhen('ru', consultation.startsAt));
    await waitUntil(() => query(el, '[role="status"]').textContent === ru.notifications.arrived(expected), 'no announcement');

    bell(el).click();
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el).hidden).to.equal(false);
    expect(items(el)).to.have.length(2, 'the new one above «Заявка отправлена»');
    expect(items(el)[0]!.textContent).to.contain(expected);
    expect(items(el)[0]!.getAttribute('part')).to.equal('item unread');
    await expect(el).to.be.accessible();

    // Reading it: the person presses "Прочитано".
    query<HTMLButtonElement>(el, 'button[part~="mark-read-button"]').focus();
    query<HTMLButtonElement>(el, 'button[part~="mark-read-button"]').click();
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-label')).to.equal('Уведомления: новых нет');
    expect(items(el)[0]!.getAttribute('part')).to.equal('item');
    await waitUntil(() => shadow(el).activeElement?.id === 'panel-title', 'focus was lost with the pressed button');
    await waitUntil(async () => (await patientState(auth.token)).notifications.unread === 0, 'the server still counts it unread');
  });

  it('loads what came earlier, marks all read, and closes with Escape giving focus back to the bell', async () => {
    const { auth, application } = await patientWithApplication();
    await declineAsDoctor(application.id, 'Нужна свежая ЭКГ');
    const second = await applyToBakulev(auth.token);
    await scheduleAsDoctor(second.id);
    session.adopt(auth, testApi);
    const el = await renderBell();
    // Each application's «Заявка отправлена», the refusal and the date set.
    expect(bell(el).getAttribute('aria-label')).to.equal('Уведомления: 4 новых');

    bell(el).click();
    await el.updateComplete;
    expect(items(el)).to.have.length(4);
    expect(text(el)).to.contain(ru.domain.notificationTexts.application_declined('Нужна свежая ЭКГ'));
    // Dates in the reader's language, by Intl.
    expect(items(el)[0]!.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-/);

    query<HTMLButtonElement>(el, 'button[part~="mark-all-button"]').click();
    await waitUntil(async () => (await patientState(auth.token)).notifications.unread === 0, 'not all marked read on the server');
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-label')).to.equal('Уведомления: новых нет');
    expect(shadow(el).querySelector('button[part~="mark-all-button"]')).to.equal(null);
    expect(items(el).every((item) => item.getAttribute('part') === 'item')).to.equal(true);

    query<HTMLButtonElement>(el, 'button[part~="close-button"]').focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(true);
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).activeElement).to.equal(bell(el));
  });

  it('shows the latest page, older ones with «Показать ещё» by keyboard, and a live one on top, each once', async () => {
    const { patient, cancelOnceMore } = await patientWithCancellations(5);
    session.adopt(patient, testApi);
    const el = await renderBell(html`<oz-notifications page-size="2"></oz-notifications>`);
    // The count is of every unread notification, not of the first page only.
    expect(bell(el).getAttribute('aria-label')).to.equal('Уведомления: 5 новых');
    bell(el).click();
    await el.updateComplete;
    const all = (await notificationsOnServer(patient.token)).items.map((n) => n.id);
    expect(all).to.have.length(5);
    expect(ids(el), 'the latest two first').to.deep.equal(all.slice(0, 2));
    expect(loadMoreName(loadMoreButton(el))).to.equal(`${ru.paging.showMore}: ${ru.notifications.panelTitle}`);
    expect(loadMoreButton(el)!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    await pressEnterOn(loadMoreButton(el)!);
    await waitUntil(() => items(el).length === 4, 'the next page did not come');
    expect(ids(el)).to.deep.equal(all.slice(0, 4));
    expect(shadow(el).activeElement, 'focus stays on the button for the next page').to.equal(loadMoreButton(el));
    await waitUntil(() => loadMoreAnnouncement(el) === ru.paging.shownMore(2, false), 'the new items were not announced');

    // The last page fails once: said in words, in the panel; the same button tries again.
    const error = await pressWhileFailing(el, '/notifications');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(el)).to.contain(`${ru.paging.moreFailed} ${ru.errors.internal}`);
    expect(loadMoreName(loadMoreButton(el))).to.equal(ru.paging.retry);
    expect(loadMoreButton(el)!.getAttribute('aria-describedby')).to.equal(error.id);
    expect(shadow(el).activeElement).to.equal(loadMoreButton(el));
    expect(items(el)).to.have.length(4);
    await expect(el).to.be.accessible();

    await pressEnterOn(loadMoreButton(el)!);
    await waitUntil(() => items(el).length === 5, 'the retry did not bring the last page');
    expect(ids(el)).to.deep.equal(all);
    expect(loadMoreButton(el), 'no button after the last page').to.equal(null);
    expect(loadMoreError(el)).to.equal(undefined);
    expect(shadow(el).activeElement, 'focus goes on to what came').to.equal(items(el)[4]);
    expect(loadMoreAnnouncement(el)).to.equal(ru.paging.shownMore(1, true));
    await expect(el).to.be.accessible();

    // One more arrives live: on top, once, and counted.
    await cancelOnceMore();
    await waitUntil(() => items(el).length === 6, 'the live notification did not appear');
    const now = (await notificationsOnServer(patient.token)).items.map((n) => n.id);
    expect(ids(el)).to.deep.equal(now);
    expect(new Set(ids(el)).size).to.equal(6);
    await waitUntil(() => bell(el).getAttribute('aria-label') === 'Уведомления: 6 новых', 'the count did not go up');
  });

  it('closes when the person taps elsewhere on the page', async () => {
    const { auth } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await renderBell();
    bell(el).click();
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(false);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(panel(el).hidden).to.equal(true);
  });

  it('speaks English with lang="en"', async () => {
    const { auth, application } = await patientWithApplication();
    await declineAsDoctor(application.id, 'Fresh ECG needed');
    session.adopt(auth, testApi);
    const el = await renderBell(html`<oz-notifications lang="en"></oz-notifications>`);
    expect(bell(el).getAttribute('aria-label')).to.equal('Notifications: 2 new', '«Application sent» and the refusal');
    bell(el).click();
    await el.updateComplete;
    expect(text(el)).to.contain(en.domain.notificationTexts.application_declined('Fresh ECG needed'));
    expect(text(el)).to.contain(en.notifications.markAllRead);
    await expect(el).to.be.accessible();
  });

  it('forgets the list and stops listening when the user signs out; the bell stays', async () => {
    const { auth } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await renderBell();
    bell(el).click();
    await el.updateComplete;
    session.clear();
    await el.updateComplete;
    expect(panel(el).hidden, 'the open panel of the previous person closes').to.equal(true);
    expect(bell(el).getAttribute('aria-label')).to.equal(ru.notifications.bell);
    expect(shadow(el).querySelector('[part~="badge"], [part~="item"]')).to.equal(null);
    expect(query(el, '[part~="sign-in-prompt"]').textContent?.trim()).to.equal(ru.notifications.signInPrompt);
    expect(live().status).to.equal('idle');
  });
});

describe('<oz-notifications>: the bell’s room, so the site’s header never jumps', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));
  beforeEach(forgetSession);

  /** A box laid out as a site's header would hold the bell, in `style`. */
  function headerBox(style: Record<string, string>, content: Element): HTMLElement {
    const box = document.createElement('div');
    for (const [name, value] of Object.entries(style)) box.style.setProperty(name, value);
    box.append(content);
    document.body.append(box);
    return box;
  }
  const size = (element: Element) => {
    const { width, height } = element.getBoundingClientRect();
    return { width: Math.round(width), height: Math.round(height) };
  };

  for (const [name, style] of [
    ['a desktop header', { width: '900px' }],
    ['larger text (--oz-font-size: 24px)', { width: '900px', '--oz-font-size': '24px' }],
    ['a header narrower than the icon and the word (a phone at 200 %)', { width: '150px' }],
  ] as [string, Record<string, string>][]) {
    it(`keeps the bell’s box, unseen, while its code is on its way, and when the bell’s styles come first: ${name}`, async () => {
      const elementStyles = (customElements.get('oz-notifications') as typeof OzNotifications).elementStyles;
      const probe = document.createElement('oz-bell-room-probe');
      const roomBox = headerBox(style, probe);
      keepBellRoom(probe, 'ru');
      const room = probe.shadowRoot!.querySelector('button')!;
      expect(getComputedStyle(room).visibility).to.equal('hidden');
      expect(room.tabIndex).to.equal(-1);
      expect(room.getAttribute('aria-hidden')).to.equal('true');

      const el = document.createElement('oz-notifications') as OzNotifications;
      const bellBox = headerBox(style, el);
      await waitUntil(() => shadow(el).querySelector('button[part~="bell"]:not(.bell-room)'), 'no bell');
      expect(size(probe)).to.deep.equal(size(el));
      // The element's code is in and its styles replaced the room's before its first render.
      probe.shadowRoot!.adoptedStyleSheets = elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));
      expect(size(probe)).to.deep.equal(size(el));
      expect(getComputedStyle(room).visibility).to.equal('hidden');
      roomBox.remove();
      bellBox.remove();
    });
  }

  it('words the room as the bell is worded, in either language, so it is as wide', () => {
    for (const [lang, words] of [['ru', ru], ['en', en]] as const) {
      const probe = document.createElement('oz-bell-room-probe');
      keepBellRoom(probe, lang);
      expect(probe.shadowRoot!.textContent?.trim()).to.equal(words.notifications.bell);
    }
  });

  it('keeps the bell’s room, unseen and out of the tab order, while a stored session is checked; then the bell takes it', async () => {
    const auth = await newPatientAuth();
    const realFetch = window.fetch;
    let answerMe!: () => void;
    const meHeld = new Promise<void>((resolve) => (answerMe = resolve));
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/api/v1/me')) await meHeld;
      return realFetch(input, init);
    };
    try {
      const restored = session.setToken(auth.token);
      expect(session.status).to.equal('restoring');
      const el = await fixture<OzNotifications>(html`<oz-notifications></oz-notifications>`);
      const room = query<HTMLButtonElement>(el, 'button.bell-room');
      expect(getComputedStyle(room).visibility).to.equal('hidden');
      expect(room.tabIndex).to.equal(-1);
      expect(shadow(el).querySelector('[part="panel"]'), 'no panel before the session is known').to.equal(null);
      const roomSize = el.getBoundingClientRect().height;
      expect(roomSize).to.be.at.least(44);
      answerMe();
      await restored;
      await waitUntil(() => !shadow(el).querySelector('.bell-room'), 'the bell did not come');
      expect(el.getBoundingClientRect().height).to.equal(roomSize);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });
});
