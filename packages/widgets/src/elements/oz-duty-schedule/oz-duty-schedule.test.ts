import type { DutySlot } from '@oz/contracts';
import { TOPIC_MAX } from '@oz/contracts/constants';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { fill, query, shadow, submitButton, text } from '../../../test/dom.ts';
import { callApi, newPatientAuth, registerPatient, signInViaApi, stubApi, watchApi } from '../../../test/api.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { DUTY } from '../../../test/chat.ts';
import { bookViaApi, freeSlots, listConsultations, publishSlots } from '../../../test/duty.ts';
import { loadMoreButton, loadMoreError, loadMoreName, pressEnterOn, pressWhileFailing } from '../../../test/paging.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { OzRegister } from '../oz-register/oz-register.ts';
import { bookingChecks } from './load-booking-checks.ts';
import { OzDutySchedule } from './oz-duty-schedule.ts';

OzDutySchedule.define('oz-duty-schedule');
OzRegister.define('oz-register');

const d = ru.dutySchedule;
const slotButton = (el: Element, id: string) => query<HTMLButtonElement>(el, `button[part~="slot"][data-slot-id="${id}"]`);
const hasSlot = (el: Element, id: string) => shadow(el).querySelector(`button[part~="slot"][data-slot-id="${id}"]`) !== null;
const pressed = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="slot"][aria-pressed="true"]')].map((b) => b.dataset.slotId);
const part = (el: Element, name: string) => query(el, `[part~="${name}"]`);
const partText = (el: Element, name: string) => (part(el, name).textContent ?? '').replace(/\s+/g, ' ').trim();
const has = (el: Element, selector: string) => shadow(el).querySelector(selector) !== null;
const focusedId = (el: Element) => shadow(el).activeElement?.id;
const formAlert = (el: Element) => query(el, '[part~="form-error"]').textContent?.trim() ?? '';
const submit = (el: Element) => query<HTMLButtonElement>(el, 'button[part~="submit"]');
const shownSlotIds = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="slot"]')].map((button) => button.dataset.slotId);

/** Local clock time as a person reads it, worked out here independently of the element. */
const localTime = (iso: string, lang = 'ru') => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const localDay = (iso: string) => {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
const dayMonth = (iso: string, lang = 'ru') => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long' }).format(new Date(iso));

/** The shared test server also serves the other engineers' runs: give answers time. */
function until(condition: () => boolean, message = 'the condition was not met'): Promise<void> {
  return waitUntil(condition, message, { timeout: 10_000 });
}

async function listed(el: Element, id: string): Promise<void> {
  await until(() => hasSlot(el, id), `slot ${id} is not listed`);
}

function typeTopic(el: Element, value: string): void {
  const area = query<HTMLTextAreaElement>(el, 'textarea[name="topic"]');
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function pick(el: OzDutySchedule, slot: DutySlot): Promise<void> {
  slotButton(el, slot.id).click();
  await el.updateComplete;
}

/** `center` null: no center attribute, the patient chooses. */
async function render(center: string | null = 'kulakov', lang = 'ru'): Promise<OzDutySchedule> {
  return center === null
    ? fixture<OzDutySchedule>(html`<oz-duty-schedule lang=${lang}></oz-duty-schedule>`)
    : fixture<OzDutySchedule>(html`<oz-duty-schedule center=${center} lang=${lang}></oz-duty-schedule>`);
}

describe('<oz-duty-schedule>', () => {
  beforeEach(useTestApi);

  it('shows every free time by local day with the duty doctor, and asks a signed-out visitor to sign in to book', async () => {
    const [mine] = await publishSlots(1);
    const wrapper = await fixture(html`<div><oz-register></oz-register><oz-duty-schedule center="kulakov"></oz-duty-schedule></div>`);
    const el = wrapper.querySelector('oz-duty-schedule')!;
    await listed(el, mine!.id);

    expect(partText(el, 'signed-out-note')).to.equal(d.signedOutNote);
    expect(partText(el, 'center-name')).to.contain('НМИЦ АГП им. В.И. Кулакова');

    // The same slots the public API lists, each under its local day and its doctor, in local time.
    const api = await freeSlots('kulakov');
    // The note follows the offset at the first slot's time (a daylight-saving change may come before it).
    const zoneNote = partText(el, 'time-zone-note');
    if (new Date(api[0]!.startsAt).getTimezoneOffset() === -180) expect(zoneNote).to.equal(d.moscowTime);
    else expect(zoneNote).to.contain('Когда в Москве');
    expect(shadow(el).querySelectorAll('button[part~="slot"]').length).to.equal(api.length);
    const days = [...shadow(el).querySelectorAll<HTMLElement>('section[part~="day"]')].map((s) => s.dataset.day);
    expect(days).to.deep.equal([...new Set(api.map((slot) => localDay(slot.startsAt)))]);
    for (const slot of api) {
      const button = slotButton(el, slot.id);
      expect(button.textContent?.trim()).to.equal(localTime(slot.startsAt));
      const section = button.closest('section')!;
      expect(section.dataset.day).to.equal(localDay(slot.startsAt));
      expect(section.querySelector('h3')!.textContent).to.contain(dayMonth(slot.startsAt));
      const [dayId, doctorId] = button.parentElement!.getAttribute('aria-labelledby')!.split(' ');
      expect(dayId).to.equal(section.querySelector('h3')!.id);
      expect(shadow(el).getElementById(doctorId!)!.textContent).to.equal(d.dutyDoctor(slot.doctorName));
    }
    expect(slotButton(el, mine!.id).parentElement!.previousElementSibling!.textContent).to.equal(
      d.dutyDoctor(DUTY.kulakov.fullName),
    );
    await expect(el).to.be.accessible();

    await pick(el, mine!);
    expect(pressed(el)).to.deep.equal([mine!.id]);
    expect(partText(el, 'sign-in-prompt')).to.equal(d.signInToBook);
    expect(has(el, 'form'), 'no booking without signing in').to.equal(false);
    expect(has(el, 'textarea')).to.equal(false);
    expect(slotButton(el, mine!.id).closest('section')!.querySelector('[part~="booking"]')).to.not.equal(null);
    await expect(el).to.be.accessible();

    // The way to the page's own sign-in form.
    part(el, 'sign-in-button').click();
    const register = wrapper.querySelector('oz-register')!;
    expect(document.activeElement).to.equal(register);
    expect(register.shadowRoot!.activeElement?.getAttribute('name')).to.equal('phone');

    // Signing in there keeps the chosen time and opens the form for it.
    signInPage(await newPatientAuth());
    await el.updateComplete;
    expect(pressed(el)).to.deep.equal([mine!.id]);
    expect(has(el, 'form')).to.equal(true);
    expect(has(el, '[part~="signed-out-note"]')).to.equal(false);
  });

  it('books the chosen time as a patient with a question: the consultation exists and the confirmation says where to find it', async () => {
    const auth = await newPatientAuth();
    signInPage(auth);
    const [slot] = await publishSlots(1);
    const el = await render('kulakov');
    await listed(el, slot!.id);
    await pick(el, slot!);

    // Video is the only channel: stated as a fact with the reason, not offered as a choice of one.
    expect(has(el, 'input[type="radio"]'), 'no one-choice radio').to.equal(false);
    expect(partText(el, 'channel')).to.equal(`${d.channelLabel}: ${d.channelVideo}`);
    expect(text(el)).to.contain(d.channelHint);
    const requirements = partText(el, 'requirements');
    for (const needed of ['камере и микрофону', '2 Мбит/с', '512 кбит/с', 'Chrome']) expect(requirements).to.contain(needed);
    expect(partText(el, 'summary-doctor')).to.equal(DUTY.kulakov.fullName);
    expect(partText(el, 'summary-when')).to.contain(localTime(slot!.startsAt));

    await until(() => has(el, '[part~="counter"]'), 'the topic limit did not load');
    const topic = 'Как снизить давление после родов без таблеток?';
    typeTopic(el, topic);
    await el.updateComplete;
    expect(partText(el, 'counter')).to.equal(d.topicCounter(topic.length, 500));
    expect(query<HTMLTextAreaElement>(el, 'textarea').maxLength).to.equal(500);
    await expect(el).to.be.accessible();

    const booked = oneEvent(el, 'oz-booked');
    submit(el).click();
    const { detail } = await booked;
    expect([detail.consultation.slotId, detail.consultation.kind, detail.consultation.topic]).to.deep.equal([slot!.id, 'duty', topic]);

    await el.updateComplete;
    expect(partText(el, 'booked-date')).to.contain(dayMonth(slot!.startsAt));
    expect(partText(el, 'booked-time')).to.contain(localTime(slot!.startsAt));
    expect(partText(el, 'booked-doctor')).to.equal(DUTY.kulakov.fullName);
    expect(partText(el, 'where')).to.equal(d.doneWhere);
    expect(focusedId(el)).to.equal('done-title');
    await expect(el).to.be.accessible();

    const [consultation, ...others] = await listConsultations(auth.token);
    expect(others).to.have.length(0);
    expect(consultation).to.include({ id: detail.consultation.id, kind: 'duty', status: 'scheduled', slotId: slot!.id, topic });

    part(el, 'book-another-button').click();
    await until(() => has(el, 'button[part~="slot"]') && !hasSlot(el, slot!.id), 'a booked time is still offered');
    expect(focusedId(el)).to.equal('title');
  });

  it('when someone else takes the time meanwhile, says so, reloads and offers the nearest free times', async () => {
    const slots = await publishSlots(4);
    const [me, other] = await Promise.all([newPatientAuth(), newPatientAuth()]);
    signInPage(me);
    const el = await render('kulakov');
    await listed(el, slots[1]!.id);
    await pick(el, slots[1]!);
    typeTopic(el, 'Вопрос о реабилитации');

    await bookViaApi(other.token, slots[1]!.id);
    submit(el).click();
    await until(() => has(el, '[part~="nearest"]'), 'no nearest times were offered');

    expect(partText(el, 'slot-taken')).to.contain(d.slotTakenTitle).and.to.contain(d.slotTaken);
    const offered = [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="nearest-slot"]')].map((b) => b.dataset.slotId);
    expect(offered).to.have.length(3);
    expect(offered).to.include.members([slots[0]!.id, slots[2]!.id]);
    expect(offered).to.not.include(slots[1]!.id);
    expect(hasSlot(el, slots[1]!.id), 'the taken time left the list').to.equal(false);
    expect(pressed(el)).to.deep.equal([]);
    expect(focusedId(el)).to.equal('taken-title');
    expect(await listConsultations(me.token)).to.have.length(0);
    await expect(el).to.be.accessible();

    query<HTMLButtonElement>(el, `button[part~="nearest-slot"][data-slot-id="${slots[2]!.id}"]`).click();
    await el.updateComplete;
    expect(pressed(el)).to.deep.equal([slots[2]!.id]);
    expect(has(el, '[part~="slot-taken"]')).to.equal(false);
    expect(focusedId(el)).to.equal('booking-title');
    expect(query<HTMLTextAreaElement>(el, 'textarea').value, 'the question is kept').to.equal('Вопрос о реабилитации');

    const booked = oneEvent(el, 'oz-booked');
    submit(el).click();
    expect((await booked).detail.consultation.slotId).to.equal(slots[2]!.id);
    expect((await listConsultations(me.token)).map((c) => c.slotId)).to.deep.equal([slots[2]!.id]);
  });

  it('limits the question from the first render, even when the pre-check chunk never comes', async () => {
    // A rural connection drops the request for the chunk: it never arrives.
    const load = bookingChecks.load;
    bookingChecks.load = () => new Promise(() => {});
    try {
      const [slot] = await publishSlots(1);
      signInPage(await newPatientAuth());
      const el = await render('kulakov');
      await listed(el, slot!.id);
      await pick(el, slot!);
      const area = query<HTMLTextAreaElement>(el, 'textarea[name="topic"]');
      expect(area.maxLength).to.equal(TOPIC_MAX);
      expect(partText(el, 'counter')).to.equal(d.topicCounter(0, TOPIC_MAX));
      expect(area.getAttribute('aria-describedby')).to.contain('topic-counter');
    } finally {
      bookingChecks.load = load;
    }
  });

  it('explains the limit of bookings and books nothing', async () => {
    const slots = await publishSlots(3);
    const auth = await newPatientAuth();
    await bookViaApi(auth.token, slots[0]!.id);
    await bookViaApi(auth.token, slots[1]!.id);
    signInPage(auth);
    const el = await render('kulakov');
    await listed(el, slots[2]!.id);
    await pick(el, slots[2]!);
    let events = 0;
    el.addEventListener('oz-booked', () => events++);

    submit(el).click();
    await until(() => formAlert(el) !== '', 'no message');
    expect(formAlert(el)).to.equal(d.bookingLimit);
    expect(formAlert(el)).to.contain('«Консультации»');
    expect(has(el, '[part~="confirmation"]')).to.equal(false);
    expect(events).to.equal(0);
    expect(pressed(el), 'the choice stays for after a cancellation').to.deep.equal([slots[2]!.id]);
    expect(await listConsultations(auth.token)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('explains a closed program period, and tells staff that patients book', async () => {
    const [slot] = await publishSlots(1);
    signInPage(await newPatientAuth());
    const el = await render('kulakov');
    await listed(el, slot!.id);
    await pick(el, slot!);
    const stub = stubApi('POST', `/duty/slots/${slot!.id}/book`, 409, { error: { code: 'program_closed', message: 'closed' } });
    try {
      submit(el).click();
      await until(() => formAlert(el) !== '', 'no message');
    } finally {
      stub.restore();
    }
    expect(stub.calls).to.have.length(1);
    expect(formAlert(el)).to.equal(d.programClosed);

    signInPage(await signInViaApi(DUTY.bakulev));
    await el.updateComplete;
    expect(pressed(el), 'another person does not inherit the choice').to.deep.equal([]);
    await pick(el, slot!);
    expect(partText(el, 'sign-in-prompt')).to.equal(d.patientsOnly);
    expect(has(el, 'form')).to.equal(false);
  });

  it('without a center attribute lets the patient choose a center, and shows only its duty doctors', async () => {
    const [kulakov] = await publishSlots(1, 'kulakov');
    const [bakulev] = await publishSlots(1, 'bakulev');
    const el = await render(null);
    await until(() => has(el, 'input[name="centerId"]'), 'no center choice');
    const labels = [...shadow(el).querySelectorAll('label .center-title')].map((l) => l.textContent);
    expect(labels).to.deep.equal(['НМИЦ ССХ им. А.Н. Бакулева', 'НМИЦ АГП им. В.И. Кулакова']);
    expect(partText(el, 'choose-center')).to.equal(d.chooseCenter);
    expect(has(el, 'button[part~="slot"]')).to.equal(false);
    await expect(el).to.be.accessible();

    query<HTMLInputElement>(el, '#center-kulakov').click();
    await listed(el, kulakov!.id);
    const doctors = () => new Set([...shadow(el).querySelectorAll('[part~="doctor"]')].map((p) => p.textContent));
    expect([...doctors()]).to.deep.equal([d.dutyDoctor(DUTY.kulakov.fullName)]);
    await pick(el, kulakov!);

    query<HTMLInputElement>(el, '#center-bakulev').click();
    await listed(el, bakulev!.id);
    expect(hasSlot(el, kulakov!.id)).to.equal(false);
    expect([...doctors()]).to.deep.equal([d.dutyDoctor(DUTY.bakulev.fullName)]);
    expect(pressed(el), 'a choice in another center is dropped').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says clearly when there is no free time, and suggests another center only where one can be chosen', async () => {
    const stub = stubApi('GET', '/duty/slots', 200, { items: [] });
    try {
      const preset = await render('kulakov');
      await until(() => has(preset, '[part~="empty"]'), 'no empty message');
      expect(partText(preset, 'empty')).to.equal(d.empty);
      await expect(preset).to.be.accessible();

      const open = await render(null);
      await until(() => has(open, '#center-bakulev'));
      query<HTMLInputElement>(open, '#center-bakulev').click();
      await until(() => has(open, '[part~="empty"]'), 'no empty message');
      expect(partText(open, 'empty')).to.equal(`${d.empty} ${d.emptyOtherCenter}`);
    } finally {
      stub.restore();
    }
  });

  it('shows a failed load with a way to try again', async () => {
    const [slot] = await publishSlots(1);
    const stub = stubApi('GET', '/duty/slots', 500, { error: { code: 'internal', message: 'boom' } });
    let el: OzDutySchedule;
    try {
      el = await render('kulakov');
      await until(() => has(el, '[part~="load-error"]'), 'no error shown');
    } finally {
      stub.restore();
    }
    // The text keeps `load-error`, its old part name, for one release; the block around it is now `load-error`.
    const message = query(el, '[part~="error"][part~="load-error"]');
    expect(message.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${d.loadFailed} ${ru.errors.internal}`);
    expect(message.getAttribute('role')).to.equal('alert');
    const box = query(el, '[part="load-error"]');
    expect(box.contains(message), 'the text is in the load-error block').to.equal(true);
    expect(box.contains(part(el, 'retry-button')), 'so is the retry').to.equal(true);
    await expect(el).to.be.accessible();
    part(el, 'retry-button').click();
    await listed(el, slot!.id);
  });

  it('refreshes the list on request, and says when the chosen time went away meanwhile', async () => {
    const slots = await publishSlots(2);
    const el = await render('kulakov');
    await listed(el, slots[0]!.id);
    await pick(el, slots[0]!);

    const [added] = await publishSlots(1);
    await bookViaApi((await newPatientAuth()).token, slots[0]!.id);
    part(el, 'refresh-button').click();
    await listed(el, added!.id);
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal(d.refreshed);
    expect(partText(el, 'slot-taken')).to.contain(d.slotGone);
    expect(pressed(el)).to.deep.equal([]);
    const offered = [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="nearest-slot"]')].map((b) => b.dataset.slotId);
    expect(offered).to.include(slots[1]!.id);
    await expect(el).to.be.accessible();
  });

  it('lays each day out as a compact grid with one tab stop: arrows, Home and End move within the day, Tab goes to the next day', async () => {
    await publishSlots(12);
    signInPage(await newPatientAuth());
    const wrapper = await fixture(html`<div style="width: 320px"><oz-duty-schedule center="kulakov"></oz-duty-schedule></div>`);
    const el = wrapper.querySelector('oz-duty-schedule')!;
    await until(() => shownSlotIds(el).length >= 12, 'the times are not listed');

    // One stop of the Tab key per day, on its first time while nothing is chosen.
    const days = [...shadow(el).querySelectorAll<HTMLElement>('section[part~="day"]')];
    expect(days.length).to.be.greaterThan(1);
    const dayButtons = (day: Element) => [...day.querySelectorAll<HTMLButtonElement>('button[part~="slot"]')];
    const tabStops = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="slot"]')].filter((b) => b.tabIndex === 0);
    expect(tabStops()).to.deep.equal(days.map((day) => dayButtons(day)[0]));

    // A compact grid that wraps: at 320 px four or more times to a row, the rows below.
    const group = [...shadow(el).querySelectorAll<HTMLElement>('[part~="times"]')].find((times) => times.children.length >= 9)!;
    expect(group, 'a doctor with nine or more times in a day').to.not.equal(undefined);
    const times = [...group.querySelectorAll<HTMLButtonElement>('button[part~="slot"]')];
    const top = (b: Element) => Math.round(b.getBoundingClientRect().top);
    const perRow = times.filter((b) => top(b) === top(times[0]!)).length;
    expect(perRow).to.be.at.least(4);
    for (const button of times) expect(button.getBoundingClientRect().height).to.be.at.least(44);

    const day = group.closest('section')!;
    const all = dayButtons(day);
    const first = times[0]!;
    const at = (button: HTMLButtonElement) => all.indexOf(button);
    const focused = () => shadow(el).activeElement as HTMLButtonElement;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(all[at(first) + 1]);
    await el.updateComplete;
    expect(dayButtons(day).filter((b) => b.tabIndex === 0), 'the tab stop follows the focus').to.deep.equal([all[at(first) + 1]]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()).to.equal(first);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(), 'Down: the time right below').to.equal(times[perRow]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal(first);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(all[all.length - 1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(), 'nothing after the last time of the day').to.equal(all[all.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(all[0]);
    for (const button of all) expect(button.getAttribute('aria-pressed')).to.equal('false');

    // Tab leaves the day: to the next day's one stop, not through every other time of this one.
    const next = days[days.indexOf(day) + 1];
    if (next) {
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(dayButtons(next)[0]);
      await sendKeys({ press: 'Shift+Tab' });
      expect(focused()).to.equal(all[0]);
    }

    // Enter chooses (aria-pressed); the chosen time stays the day's stop, and Tab goes on to its form.
    const chosen = times[perRow]!;
    chosen.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chosen.getAttribute('aria-pressed')).to.equal('true');
    expect(pressed(el)).to.deep.equal([chosen.dataset.slotId]);
    expect(dayButtons(day).filter((b) => b.tabIndex === 0)).to.deep.equal([chosen]);
    await sendKeys({ press: 'Tab' });
    expect(focusedId(el), 'straight to the booking form under the day').to.equal('topic-input');
    await expect(el).to.be.accessible();
  });

  it('after signing in on the page from a chosen time, brings focus and the view to that time\'s form and says so politely', async () => {
    const [slot] = await publishSlots(1);
    const { patient } = await registerPatient();
    const wrapper = await fixture(
      html`<div><oz-register></oz-register><div style="height: 1200px"></div><oz-duty-schedule center="kulakov"></oz-duty-schedule></div>`,
    );
    const el = wrapper.querySelector('oz-duty-schedule')!;
    const register = wrapper.querySelector('oz-register')!;
    await listed(el, slot!.id);
    await pick(el, slot!);
    part(el, 'sign-in-button').click();
    expect(document.activeElement).to.equal(register);

    // Signs in there, three screens away from the time they chose.
    fill(register, { phone: patient.phone, password: patient.password });
    submitButton(register).click();
    await until(() => focusedId(el) === 'booking-title', 'the focus did not come to the booking form');
    expect(document.activeElement).to.equal(el);
    const booking = part(el, 'booking').getBoundingClientRect();
    expect(booking.top, 'the form is in view').to.be.within(-1, window.innerHeight / 2);
    expect(pressed(el)).to.deep.equal([slot!.id]);
    expect(has(el, 'form')).to.equal(true);
    expect(partText(el, 'signed-in-note')).to.equal(d.signedInGoOn);
    const polite = query(el, '.oz-base > [role="status"]');
    expect(polite.textContent).to.contain(d.signedInAnnouncement('').split(':')[0]!).and.to.contain(localTime(slot!.startsAt));
    // <oz-register> focuses its own "signed in" view on the same change: it must not take the focus back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(focusedId(el)).to.equal('booking-title');
    await expect(el).to.be.accessible();

    // Choosing another time after that is an ordinary choice again.
    slotButton(el, shownSlotIds(el).find((id) => id !== slot!.id)!).click();
    await el.updateComplete;
    expect(has(el, '[part~="signed-in-note"]')).to.equal(false);
  });

  it('signing in with nothing chosen leaves the focus where it is', async () => {
    const [slot] = await publishSlots(1);
    const el = await render('kulakov');
    await listed(el, slot!.id);
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      outside.focus();
      signInPage(await newPatientAuth());
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(document.activeElement).to.equal(outside);
      expect(has(el, '[part~="signed-in-note"]')).to.equal(false);
    } finally {
      outside.remove();
    }
  });

  it('reflows at 320 and 180 px: no sideways scroll, no word broken, with a time chosen and its form open', async () => {
    const [slot] = await publishSlots(3);
    signInPage(await newPatientAuth());
    const wrapper = await fixture(html`<div><oz-duty-schedule center="kulakov"></oz-duty-schedule></div>`);
    const el = wrapper.querySelector('oz-duty-schedule')!;
    await listed(el, slot!.id);
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
    await pick(el, slot!);
    await until(() => has(el, '[part~="counter"]'));
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('shows the two weeks page by page: «Показать ещё» after the list brings the next times of the same range, each once', async () => {
    await publishSlots(3);
    const to = new Date(Date.now() + 14 * 24 * 3600_000).toISOString();
    const { body } = await callApi('GET', `/duty/slots?centerId=kulakov&limit=500&to=${encodeURIComponent(to)}`);
    const all = (body as { items: DutySlot[] }).items.map((slot) => slot.id);
    // Three pages or so, whatever else the shared test server holds.
    const pageSize = Math.ceil(all.length / 3);
    const watch = watchApi('GET', '/duty/slots');
    try {
      const el = await fixture<OzDutySchedule>(html`<oz-duty-schedule center="kulakov" page-size=${pageSize}></oz-duty-schedule>`);
      await until(() => shownSlotIds(el).length > 0, 'no times are shown');
      expect(shownSlotIds(el)).to.deep.equal(all.slice(0, pageSize));
      expect(loadMoreName(loadMoreButton(el))).to.equal(`${ru.paging.showMore}: ${d.freeTimes}`);
      expect(loadMoreButton(el)!.compareDocumentPosition(part(el, 'days')) & Node.DOCUMENT_POSITION_PRECEDING, 'after the list').to.not.equal(0);
      await expect(el).to.be.accessible();

      const error = await pressWhileFailing(el, '/duty/slots');
      expect(error.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`${ru.paging.moreFailed} ${ru.errors.internal}`);
      expect(shownSlotIds(el)).to.have.length(pageSize);
      await expect(el).to.be.accessible();

      // «Попробовать ещё раз», then «Показать ещё» until the list is whole.
      for (let presses = 0; loadMoreButton(el) && presses < 10; presses += 1) {
        const before = shownSlotIds(el).length;
        await pressEnterOn(loadMoreButton(el)!);
        await until(() => shownSlotIds(el).length > before, 'the next page did not come');
        expect(loadMoreError(el)).to.equal(undefined);
        expect(shownSlotIds(el)).to.deep.equal(all.slice(0, shownSlotIds(el).length));
      }
      expect(shownSlotIds(el), 'every free time once, by start').to.deep.equal(all);
      expect(loadMoreButton(el), 'no button after the last page').to.equal(null);
      expect(shadow(el).activeElement?.getAttribute('data-slot-id'), 'focus goes on to the first time that came').to.equal(
        all[pageSize * Math.floor((all.length - 1) / pageSize)],
      );
      // Every page asked for the same range and center as the first.
      const ranges = new Set(watch.calls.map((url) => `${url.searchParams.get('centerId')} ${url.searchParams.get('from')} ${url.searchParams.get('to')}`));
      expect(ranges.size).to.equal(1);
      expect(watch.calls.every((url) => url.searchParams.get('limit') === String(pageSize))).to.equal(true);
    } finally {
      watch.restore();
    }
  });

  it('speaks English with lang="en"', async () => {
    const [slot] = await publishSlots(1);
    signInPage(await newPatientAuth());
    const el = await render('kulakov', 'en');
    await listed(el, slot!.id);
    const t = en.dutySchedule;
    expect(query(el, 'h2').textContent).to.equal(t.title);
    expect(partText(el, 'center-name')).to.contain('Kulakov');
    const section = slotButton(el, slot!.id).closest('section')!;
    expect(section.querySelector('h3')!.textContent).to.contain(dayMonth(slot!.startsAt, 'en'));
    expect(slotButton(el, slot!.id).textContent?.trim()).to.equal(localTime(slot!.startsAt, 'en'));
    expect(text(el)).to.contain(t.dutyDoctor(DUTY.kulakov.fullName));

    await pick(el, slot!);
    expect(query(el, '#booking-title').textContent).to.equal(t.bookingTitle);
    expect(partText(el, 'channel')).to.equal(`${t.channelLabel}: ${t.channelVideo}`);
    expect(submit(el).textContent?.trim()).to.equal(t.submit);
    await expect(el).to.be.accessible();

    const booked = oneEvent(el, 'oz-booked');
    submit(el).click();
    await booked;
    await el.updateComplete;
    expect(query(el, '#done-title').textContent).to.equal(t.doneTitle);
    expect(partText(el, 'where')).to.equal(t.doneWhere);
    await expect(el).to.be.accessible();

    // Signing out takes the confirmation away with the person it belonged to.
    session.clear();
    await el.updateComplete;
    expect(has(el, '[part~="confirmation"]')).to.equal(false);
  });
});
