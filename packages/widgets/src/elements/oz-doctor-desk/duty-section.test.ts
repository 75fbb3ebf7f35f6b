import type { DutySlot } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { registerPatient, signInViaApi, testApi } from '../../../test/api.ts';
import { DUTY, bookAs, cancelAs, futurePeriod, mySlotsOf, publishAsDuty } from '../../../test/chat.ts';
import { DEMO, applyTo, scheduleThroughApi } from '../../../test/doctor-desk.ts';
import { fill, query, shadow } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import { formatDate, formatTime, localToIsoWithOffset } from './desk-time.ts';
import type { OzDoctorDesk } from './oz-doctor-desk.ts';

const desk = ru.doctorDesk;
const tabs = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="tab"]')];
const dutyTab = (el: Element) => tabs(el).find((tab) => tab.textContent?.includes(desk.dutyTab));
const slotItem = (el: Element, id: string) => shadow(el).querySelector<HTMLLIElement>(`li[part~="slot"][data-slot-id="${id}"]`);
const statusText = (el: Element) => query(el, '[part~="status"]').textContent?.trim() ?? '';
const publishAlert = (el: Element) => query(el, 'form[part~="publish-form"] [part~="form-error"]').textContent?.trim() ?? '';
const fieldErrorById = (el: Element, id: string) => shadow(el).getElementById(id)?.textContent?.trim();
const removeDialog = (el: Element) => query<HTMLDialogElement>(el, 'dialog[part~="remove-slot-dialog"]');
const hours = (slot: { startsAt: string; endsAt: string }, locale = 'ru') =>
  desk.hours(formatTime(slot.startsAt, locale), formatTime(slot.endsAt, locale));
const when = (slot: { startsAt: string; endsAt: string }) =>
  desk.timeRange(formatDate(slot.startsAt, 'ru'), formatTime(slot.startsAt, 'ru'), formatTime(slot.endsAt, 'ru'));

/** A duty doctor's desk on the «Дежурства» section, with the schedule loaded. */
async function openDuty(account: { phone: string; password: string } = DUTY.bakulev, lang?: string) {
  const auth = await signInViaApi(account);
  session.adopt(auth, testApi);
  const el = await fixture<OzDoctorDesk>(
    lang ? html`<oz-doctor-desk lang=${lang}></oz-doctor-desk>` : html`<oz-doctor-desk></oz-doctor-desk>`,
  );
  await waitUntil(() => dutyTab(el) ?? (lang && tabs(el)[2]), 'no duty tab');
  (lang ? tabs(el)[2]! : dutyTab(el)!).click();
  await waitUntil(() => shadow(el).querySelector('[part~="slots"]'), 'the schedule did not load');
  return { el, auth };
}

/** Fills the publish form like a person and lets it compute its preview. */
function fillPeriod(el: OzDoctorDesk, values: { date: string; start: string; end: string; length?: string }) {
  fill(el, { date: values.date, start: values.start, end: values.end, durationMinutes: values.length ?? '20' });
}

async function submitPublish(el: OzDoctorDesk) {
  query<HTMLButtonElement>(el, 'button[part~="publish-button"]').click();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await waitUntil(() => !query<HTMLButtonElement>(el, 'button[part~="publish-button"]').disabled, 'the publish request hung');
  await el.updateComplete;
}

describe('<oz-doctor-desk> «Дежурства»', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('is not there for a doctor who is not on duty, even when asked for', async () => {
    session.adopt(await signInViaApi(DEMO.bakulev), testApi);
    const el = await fixture<OzDoctorDesk>(html`<oz-doctor-desk section="duty"></oz-doctor-desk>`);
    await waitUntil(() => shadow(el).querySelector('[part~="summary"]'), 'the queue did not load');
    expect(tabs(el)).to.have.length(2);
    expect(dutyTab(el)).to.equal(undefined);
    expect(shadow(el).querySelector('form[part~="publish-form"]')).to.equal(null);
    expect(tabs(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('opens time for booking in the doctor\'s local time, and lists it by day as free', async () => {
    const { el, auth } = await openDuty();
    expect(dutyTab(el)!.getAttribute('aria-pressed')).to.equal('true');
    expect(query(el, '#duty-title').textContent).to.equal(desk.dutyTitle);
    await expect(el).to.be.accessible();

    const period = futurePeriod(1);
    fillPeriod(el, { date: period.date, start: period.start, end: period.end, length: '20' });
    await el.updateComplete;
    const lastEnd = new Date(Date.parse(period.startsAt) + 60 * 60_000).toISOString();
    expect(query(el, '[part~="publish-preview"]').textContent?.trim()).to.equal(
      desk.publishPreview(3, desk.minutes(20), formatTime(period.startsAt, 'ru'), formatTime(lastEnd, 'ru')),
    );

    const published = oneEvent(el, 'oz-slots-published');
    query<HTMLButtonElement>(el, 'button[part~="publish-button"]').click();
    const { detail } = (await published) as CustomEvent<{ slots: DutySlot[] }>;
    expect(detail.slots).to.have.length(3);
    // What was typed is local time; the API got the same moments (with the browser's offset).
    expect(detail.slots[0]!.startsAt).to.equal(new Date(localToIsoWithOffset(period.date, period.start)!).toISOString());
    expect(detail.slots[2]!.endsAt).to.equal(new Date(localToIsoWithOffset(period.date, period.end)!).toISOString());
    const onServer = (await mySlotsOf(auth.token)).filter((slot) => detail.slots.some((s) => s.id === slot.id));
    expect(onServer.map((slot) => slot.status)).to.deep.equal(['free', 'free', 'free']);

    await waitUntil(() => detail.slots.every((slot) => slotItem(el, slot.id)), 'the new time is not listed');
    const first = slotItem(el, detail.slots[0]!.id)!;
    expect(first.querySelector('[part~="slot-time"]')!.textContent).to.equal(hours(detail.slots[0]!));
    expect(first.querySelector('[part~="slot-status"]')!.textContent).to.equal(desk.slotFree);
    const dayHeading = shadow(el).getElementById(first.closest('ul')!.getAttribute('aria-labelledby')!)!;
    expect(dayHeading.textContent).to.equal(formatDate(detail.slots[0]!.startsAt, 'ru'));
    expect(statusText(el)).to.equal(desk.published(3, when({ startsAt: detail.slots[0]!.startsAt, endsAt: detail.slots[2]!.endsAt })));
    expect(shadow(el).activeElement?.id, 'focus goes to the schedule').to.equal('slots-title');
    expect(query<HTMLInputElement>(el, '#duty-date-input').value, 'the form is ready for the next period').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says what is missing or wrong next to the fields: start, end, end before start, past, too short, too long', async () => {
    const { el, auth } = await openDuty();
    const before = (await mySlotsOf(auth.token)).length;

    await submitPublish(el);
    expect(fieldErrorById(el, 'duty-start-error')).to.equal(desk.startRequired);
    expect(fieldErrorById(el, 'duty-end-error')).to.equal(desk.endRequired);
    expect(shadow(el).activeElement?.id, 'focus on the first problem').to.equal('duty-date-input');

    const period = futurePeriod(1);
    fillPeriod(el, { date: period.date, start: '14:00', end: '13:00' });
    await submitPublish(el);
    expect(fieldErrorById(el, 'duty-end-error')).to.equal(desk.endBeforeStart);
    expect(query(el, '#duty-end-input').getAttribute('aria-invalid')).to.equal('true');
    expect(query(el, '#duty-end-input').getAttribute('aria-describedby')).to.contain('duty-end-error');

    fillPeriod(el, { date: period.date, start: '10:00', end: '10:15', length: '20' });
    await submitPublish(el);
    expect(fieldErrorById(el, 'duty-end-error')).to.equal(desk.periodTooShort(desk.minutes(20)));

    fillPeriod(el, { date: period.date, start: '08:00', end: '17:00', length: '10' });
    await submitPublish(el);
    expect(fieldErrorById(el, 'duty-end-error')).to.equal(desk.periodTooLong(48));

    const yesterday = new Date(Date.now() - 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    fillPeriod(el, { date: `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`, start: '10:00', end: '11:00' });
    await submitPublish(el);
    expect(fieldErrorById(el, 'duty-start-error')).to.equal(ru.fieldErrors.date_in_past);
    expect(fieldErrorById(el, 'duty-end-error')).to.equal(undefined);
    await expect(el).to.be.accessible();

    expect((await mySlotsOf(auth.token)).length, 'nothing was published').to.equal(before);
  });

  it('refuses a period that overlaps the doctor\'s own time, naming that time', async () => {
    const existing = await publishAsDuty('bakulev', 1, 20);
    const { el, auth } = await openDuty();
    const start = new Date(Date.parse(existing[1]!.startsAt));
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
    const end = new Date(start.getTime() + 2 * 3_600_000);
    fillPeriod(el, { date, start: `${pad(start.getHours())}:${pad(start.getMinutes())}`, end: `${pad(end.getHours())}:${pad(end.getMinutes())}` });
    const count = (await mySlotsOf(auth.token)).length;
    await submitPublish(el);
    await waitUntil(() => publishAlert(el) !== '', 'no explanation of the overlap');
    expect(publishAlert(el)).to.equal(desk.overlapSlot(when(existing[1]!)));
    expect(query(el, 'form[part~="publish-form"] [part~="form-error"]').getAttribute('role')).to.equal('alert');
    expect((await mySlotsOf(auth.token)).length).to.equal(count);
    await expect(el).to.be.accessible();
  });

  it('refuses a period that overlaps one of the doctor\'s consultations, naming its time', async () => {
    const { application } = await applyTo('bakulev');
    const period = futurePeriod(2);
    const auth = await signInViaApi(DUTY.bakulev);
    const consultation = await scheduleThroughApi(auth.token, application.id, new Date(Date.parse(period.startsAt) + 3_600_000).toISOString());
    const { el } = await openDuty();
    fillPeriod(el, { date: period.date, start: period.start, end: period.end });
    await submitPublish(el);
    await waitUntil(() => publishAlert(el) !== '', 'no explanation of the overlap');
    expect(publishAlert(el)).to.equal(desk.overlapConsultation(when(consultation)));
  });

  it('removes a free slot after a confirmation; «Не убирать» keeps it', async () => {
    const [first, second] = await publishAsDuty('bakulev', 1, 30);
    const { el, auth } = await openDuty();
    await waitUntil(() => slotItem(el, first!.id), 'the slot is not listed');
    const remove = slotItem(el, first!.id)!.querySelector<HTMLButtonElement>('button[part~="remove-slot-button"]')!;
    expect(remove.textContent).to.contain(desk.removeSlot);
    expect(remove.getAttribute('aria-label')).to.contain(hours(first!));

    remove.click();
    await waitUntil(() => removeDialog(el).open, 'no confirmation');
    expect(removeDialog(el).textContent).to.contain(desk.removeText(when(first!)));
    expect(shadow(el).activeElement, 'the harmless answer has the focus').to.equal(query(el, 'button[part~="keep-slot-button"]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(removeDialog(el).open).to.equal(false);
    await waitUntil(() => shadow(el).activeElement === remove, 'focus did not go back to «Убрать»');
    expect((await mySlotsOf(auth.token)).some((slot) => slot.id === first!.id)).to.equal(true);

    remove.click();
    await waitUntil(() => removeDialog(el).open, 'no confirmation');
    query<HTMLButtonElement>(el, 'button[part~="confirm-remove-button"]').click();
    await waitUntil(() => !removeDialog(el).open, 'the dialog did not close');
    await waitUntil(() => !slotItem(el, first!.id), 'the removed slot is still listed');
    expect(slotItem(el, second!.id)).not.to.equal(null);
    expect(statusText(el)).to.equal(desk.removed(when(first!)));
    expect((await mySlotsOf(auth.token)).some((slot) => slot.id === first!.id)).to.equal(false);
  });

  it('shows a patient\'s booking as booked with the name, leads to the consultation, and frees the time when it is cancelled', async () => {
    const [slot] = await publishAsDuty('bakulev', 1, 20);
    const { auth: patient } = await registerPatient({ fullName: 'Белова Анна Сергеевна' });
    const auth = await signInViaApi(DUTY.bakulev);
    session.adopt(auth, testApi);
    const page = await fixture<HTMLDivElement>(html`<div><oz-notifications></oz-notifications><oz-doctor-desk section="duty"></oz-doctor-desk></div>`);
    const el = page.querySelector('oz-doctor-desk')!;
    await waitUntil(() => slotItem(el, slot!.id), 'the slot is not listed');
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(slotItem(el, slot!.id)!.querySelector('[part~="slot-status"]')!.textContent).to.equal(desk.slotFree);

    // The patient books in <oz-duty-schedule> elsewhere: the doctor's notification refreshes the desk.
    const consultation = await bookAs(patient.token, slot!.id, 'Можно ли бегать после стентирования?');
    await waitUntil(
      () => slotItem(el, slot!.id)?.querySelector('[part~="slot-status"]')?.textContent === desk.slotBooked,
      'the booking did not show without reload',
    );
    await waitUntil(() => slotItem(el, slot!.id)?.querySelector('[part~="slot-patient"]'), 'no patient name');
    const item = slotItem(el, slot!.id)!;
    expect(item.querySelector('[part~="slot-patient"]')!.textContent).to.equal(desk.bookedBy('Белова Анна Сергеевна'));
    expect(item.querySelector('[part~="slot-time"]')!.textContent).to.equal(hours(consultation));
    expect(item.querySelector('button[part~="remove-slot-button"]'), 'a booked slot cannot be removed').to.equal(null);
    await expect(el).to.be.accessible();

    item.querySelector<HTMLButtonElement>('button[part~="open-booked-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('#consultation-title'), 'the consultation did not open');
    expect(tabs(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(query(el, '#consultation-title').textContent).to.equal(desk.consultationTitle('Белова Анна Сергеевна'));
    expect(query(el, '[part~="consultation-details"] [part~="topic"]').textContent).to.contain('Можно ли бегать после стентирования?');
    expect(query(el, '[part~="consultation-details"] oz-chat').getAttribute('consultation')).to.equal(consultation.id);

    // The patient cancels: the time is free again for others.
    await cancelAs(patient.token, consultation.id);
    await waitUntil(
      async () => (await mySlotsOf(auth.token)).find((s) => s.id === slot!.id)?.status === 'free',
      'the server did not free the slot',
    );
    dutyTab(el)!.click();
    await waitUntil(
      () => slotItem(el, slot!.id)?.querySelector('[part~="slot-status"]')?.textContent === desk.slotFree,
      'the freed slot is not shown free',
    );
    tabs(el)[1]!.click();
    await el.updateComplete;
    query<HTMLButtonElement>(el, 'button[part~="back-button"]').click();
    await waitUntil(() => shadow(el).querySelector(`li[data-consultation-id="${consultation.id}"]`), 'the consultation is not listed');
    const card = query(el, `li[data-consultation-id="${consultation.id}"]`);
    expect(card.getAttribute('part')).to.contain('cancelled');
    expect(card.textContent).to.contain(ru.domain.consultationKinds.duty);
    expect(card.textContent).to.contain(desk.cancelledByPatient);
    expect(card.querySelector('[part~="topic"]')!.textContent).to.contain('Можно ли бегать после стентирования?');
  });

  it('says so when a patient books the time while the doctor is removing it', async () => {
    const [slot] = await publishAsDuty('bakulev', 1, 20);
    const { el } = await openDuty();
    await waitUntil(() => slotItem(el, slot!.id), 'the slot is not listed');
    slotItem(el, slot!.id)!.querySelector<HTMLButtonElement>('button[part~="remove-slot-button"]')!.click();
    await waitUntil(() => removeDialog(el).open, 'no confirmation');
    const { auth: patient } = await registerPatient();
    await bookAs(patient.token, slot!.id);
    query<HTMLButtonElement>(el, 'button[part~="confirm-remove-button"]').click();
    await waitUntil(() => query(el, 'dialog [part~="form-error"]').textContent?.trim(), 'no explanation');
    expect(query(el, 'dialog [part~="form-error"]').textContent?.trim()).to.equal(desk.slotTakenMeanwhile);
    expect(removeDialog(el).open).to.equal(true);
    expect(removeDialog(el).contains(shadow(el).activeElement), 'focus stays in the dialog').to.equal(true);
    await waitUntil(
      () => slotItem(el, slot!.id)?.querySelector('[part~="slot-status"]')?.textContent === desk.slotBooked,
      'the list behind did not refresh',
    );
  });

  it('speaks English with lang="en"', async () => {
    const [slot] = await publishAsDuty('kulakov', 1, 20);
    const { el } = await openDuty(DUTY.kulakov, 'en');
    expect(tabs(el)[2]!.textContent).to.contain(en.doctorDesk.dutyTab);
    expect(query(el, '#duty-title').textContent).to.equal(en.doctorDesk.dutyTitle);
    expect(query(el, 'label[for="duty-end-input"]').textContent).to.equal(en.doctorDesk.dutyEnd);
    await waitUntil(() => slotItem(el, slot!.id), 'the slot is not listed');
    const item = slotItem(el, slot!.id)!;
    expect(item.querySelector('[part~="slot-time"]')!.textContent).to.equal(hours(slot as DutySlot, 'en'));
    expect(item.querySelector('[part~="slot-status"]')!.textContent).to.equal(en.doctorDesk.slotFree);
    await submitPublish(el);
    expect(fieldErrorById(el, 'duty-start-error')).to.equal(en.doctorDesk.startRequired);
    await expect(el).to.be.accessible();
  });
});
