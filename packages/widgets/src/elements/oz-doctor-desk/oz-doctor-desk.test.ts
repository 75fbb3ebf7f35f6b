import type { Application, Conclusion, Consultation, NotificationList } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { callApi, registerPatient, signInViaApi, testApi, watchApi } from '../../../test/api.ts';
import { DEMO, applyTo, futureSlot, scheduleThroughApi, withClockShifted } from '../../../test/doctor-desk.ts';
import { fill, query, shadow, text } from '../../../test/dom.ts';
import { useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { DAY_MS, formatDateTime } from './desk-time.ts';
import { OzDoctorDesk } from './oz-doctor-desk.ts';

OzDoctorDesk.define('oz-doctor-desk');

const desk = ru.doctorDesk;
const button = (el: Element, part: string, within: ParentNode = shadow(el)) => {
  const found = within.querySelector<HTMLButtonElement>(`button[part~="${part}"]`);
  if (!found) throw new Error(`no button with part ${part}`);
  return found;
};
const applicationCards = (el: Element) => [...shadow(el).querySelectorAll<HTMLLIElement>('li[part~="application"]')];
const cardOf = (el: Element, name: string) => applicationCards(el).find((card) => card.textContent?.includes(name));
const consultationCard = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLLIElement>(`li[part~="consultation"][data-consultation-id="${id}"]`);
const statusText = (el: Element) => query(el, '[part~="status"]').textContent?.trim() ?? '';
const formAlert = (el: Element, form: string) => query(el, `form[part~="${form}"] [part~="form-error"]`).textContent?.trim() ?? '';
const focused = (el: Element) => shadow(el).activeElement;

/**
 * Signs the page in as `account` and puts a desk on it, waiting until its first list is there. The
 * demo centers' queues are shared by the whole run and may outgrow the API's default page (50):
 * the largest page keeps every test's application on it. Paging itself: desk-paging.test.ts.
 */
async function openDesk(account: { phone: string; password: string }, lang?: string) {
  const auth = await signInViaApi(account);
  session.adopt(auth, testApi);
  const el = await fixture<OzDoctorDesk>(
    lang
      ? html`<oz-doctor-desk lang=${lang} page-size="200"></oz-doctor-desk>`
      : html`<oz-doctor-desk page-size="200"></oz-doctor-desk>`,
  );
  await waitUntil(() => shadow(el).querySelector('[part~="summary"]'), 'the queue did not load');
  return { el, auth };
}

async function openApplication(el: OzDoctorDesk, name: string) {
  await waitUntil(() => cardOf(el, name), `no card for ${name}`);
  button(el, 'open-application-button', cardOf(el, name)!).click();
  await el.updateComplete;
  await waitUntil(() => shadow(el).querySelector('[part~="document"], [part~="documents"] .note'), 'documents did not load');
}

/** Switches to «Мои консультации» with the keyboard, as a person without a mouse would. */
async function showConsultations(el: OzDoctorDesk) {
  const tab = [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part~="tab"]')][1]!;
  expect(tab.getAttribute('aria-pressed')).to.equal('false');
  tab.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  expect(focused(el)).to.equal(tab);
  expect(tab.getAttribute('aria-pressed')).to.equal('true');
  await waitUntil(() => shadow(el).querySelector('#consultations-title'), 'consultations did not load');
}

/** A new patient's consultation with the demo Bakulev doctor, opened on the desk at its conclusion form. */
async function openConclusionForm() {
  const { application, patient, auth: patientAuth } = await applyTo('bakulev');
  const auth = await signInViaApi(DEMO.bakulev);
  const consultation = await scheduleThroughApi(auth.token, application.id, futureSlot().iso);
  const { el } = await openDesk(DEMO.bakulev);
  await showConsultations(el);
  await waitUntil(() => consultationCard(el, consultation.id));
  button(el, 'write-conclusion-button', consultationCard(el, consultation.id)!).click();
  await el.updateComplete;
  return { el, consultation, patient, patientAuth };
}

describe('<oz-doctor-desk>', () => {
  beforeEach(useTestApi);

  it('asks a signed-out visitor to sign in, and tells a patient or a manager it is for doctors', async () => {
    const el = await fixture<OzDoctorDesk>(html`<oz-doctor-desk></oz-doctor-desk>`);
    expect(query(el, '[part~="prompt"]').textContent).to.contain(desk.signInPrompt);
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    await el.updateComplete;
    expect(text(el)).to.contain(desk.doctorsOnly);
    expect(text(el)).to.contain(desk.patientHint);
    expect(shadow(el).querySelector('[part~="tabs"]')).to.equal(null);
    await expect(el).to.be.accessible();

    session.adopt(await signInViaApi(DEMO.manager), testApi);
    await el.updateComplete;
    expect(text(el)).to.contain(desk.doctorsOnly);
    expect(text(el)).not.to.contain(desk.patientHint);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '').to.equal('');
  });

  it("lists its own center's queue oldest first with name, age, disease and waiting time — not another center's", async () => {
    const first = await applyTo('bakulev');
    const second = await applyTo('bakulev');
    const kulakov = await applyTo('kulakov');

    const { el } = await openDesk(DEMO.bakulev);
    await waitUntil(() => cardOf(el, second.patient.fullName), 'the newer application is not listed');
    const names = applicationCards(el).map((card) => card.querySelector('h4')?.textContent);
    expect(names.indexOf(first.patient.fullName)).to.be.lessThan(names.indexOf(second.patient.fullName));
    expect(cardOf(el, kulakov.patient.fullName), 'a Bakulev doctor sees a Kulakov application').to.equal(undefined);

    const card = cardOf(el, first.patient.fullName)!;
    expect(card.textContent).to.contain(desk.age(first.application.patient.age));
    // The disease's name comes with the centers' catalog, which may arrive after the queue.
    await waitUntil(() => card.textContent?.includes('Ишемическая болезнь сердца'), 'the disease is not named');
    expect(query(el, `[data-application-id="${first.application.id}"] [part~="waiting"]`).textContent).to.contain(desk.waiting(0));
    expect(card.querySelector('[part~="overdue-marker"]')).to.equal(null);
    expect(card.querySelector('[part~="referral-marker"]')).to.equal(null);
    expect(text(el)).to.contain(desk.doctorLine('Петров Алексей Иванович', 'НМИЦ ССХ им. А.Н. Бакулева'));
    await expect(el).to.be.accessible();

    // The Kulakov doctor's desk: the other way round.
    session.clear();
    const other = await openDesk(DEMO.kulakov);
    await waitUntil(() => cardOf(other.el, kulakov.patient.fullName), 'the Kulakov application is not listed');
    expect(cardOf(other.el, kulakov.patient.fullName)!.textContent).to.contain('Аритмии у плода');
    expect(cardOf(other.el, first.patient.fullName), 'a Kulakov doctor sees a Bakulev application').to.equal(undefined);
    expect(cardOf(other.el, second.patient.fullName)).to.equal(undefined);
  });

  it('marks an application waiting past the 3-day target in words, not by colour alone', async () => {
    const { patient, application } = await applyTo('bakulev');
    await withClockShifted(4 * DAY_MS + 60_000, async () => {
      const { el } = await openDesk(DEMO.bakulev);
      await waitUntil(() => cardOf(el, patient.fullName));
      const card = cardOf(el, patient.fullName)!;
      expect(card.getAttribute('part')).to.contain('overdue');
      expect(card.querySelector('[part~="overdue-marker"]')?.textContent).to.contain(desk.overdue(3));
      expect(card.querySelector('[part~="waiting"]')?.textContent).to.contain(desk.waiting(4));
      expect(desk.waiting(4)).to.equal('ждёт 4 дня');
      await expect(el).to.be.accessible();

      // The opened application says it too.
      await openApplication(el, patient.fullName);
      expect(query(el, '[part~="facts"] [part~="overdue-marker"]').textContent).to.contain(desk.overdue(3));
      expect(application.status).to.equal('submitted');
    });
  });

  it("opens an application with its diagnosis, complaints and only its attached documents, saved as a blob without the token in a URL", async () => {
    const { patient, application, documents } = await applyTo('bakulev', {
      diagnosis: 'Стенокардия <b>напряжения</b>',
      complaints: 'Одышка при подъёме\nна второй этаж',
    });
    const { el, auth } = await openDesk(DEMO.bakulev);
    await openApplication(el, patient.fullName);

    expect(focused(el)?.id).to.equal('application-title');
    expect(query(el, '#application-title').textContent).to.contain(desk.applicationTitle(patient.fullName));
    // API text is text: markup arrives as characters, never as elements.
    expect(query(el, '[part~="diagnosis"] dd').textContent).to.equal('Стенокардия <b>напряжения</b>');
    expect(shadow(el).querySelector('[part~="diagnosis"] b')).to.equal(null);
    expect(query(el, '[part~="complaints"] dd').textContent).to.contain('Одышка при подъёме\nна второй этаж');
    expect(query(el, '[part~="disease"] dd').textContent).to.contain('Ишемическая болезнь сердца');

    const listed = [...shadow(el).querySelectorAll('[part~="document"]')].map((item) => item.textContent ?? '');
    expect(listed).to.have.length(documents.length);
    expect(listed.join(' ')).to.contain(ru.domain.documentKinds.ecg).and.contain('ecg.pdf');
    expect(listed.join(' ')).not.to.contain('не-приложен.pdf');
    await expect(el).to.be.accessible();

    // Catch the download and every request URL of the page meanwhile.
    const clicked: HTMLAnchorElement[] = [];
    const urls: string[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    const realFetch = window.fetch;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    window.fetch = (input, init) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    try {
      const ecgItem = [...shadow(el).querySelectorAll<HTMLElement>('[part~="document"]')].find((item) =>
        item.textContent?.includes('ecg.pdf'),
      )!;
      button(el, 'save-document-button', ecgItem).click();
      await waitUntil(() => clicked.length === 1, 'no download started');
    } finally {
      HTMLAnchorElement.prototype.click = realClick;
      window.fetch = realFetch;
    }
    const link = clicked[0]!;
    expect(link.href.startsWith('blob:')).to.equal(true);
    expect(link.download).to.equal('ecg.pdf');
    const ecg = documents.find((document) => document.kind === 'ecg')!;
    expect(urls).to.deep.equal([`${testApi}/api/v1/documents/${ecg.id}/content`]);
    expect([...urls, link.href].some((url) => url.includes(auth.token))).to.equal(false);
    const saved = await (await fetch(link.href)).text();
    expect(saved).to.contain('% ecg');
    expect(application.documentIds).to.include(ecg.id);
  });

  it("schedules in the doctor's local time with the chosen length; the server has it and the patient is told", async () => {
    const { patient, application, auth: patientAuth } = await applyTo('bakulev');
    const { el, auth } = await openDesk(DEMO.bakulev);
    await openApplication(el, patient.fullName);

    const slot = futureSlot();
    fill(el, { date: slot.date, time: slot.time, durationMinutes: '45' });
    const scheduled = oneEvent(el, 'oz-application-scheduled');
    button(el, 'schedule-button').click();
    const { detail } = await scheduled;

    expect(detail.consultation.startsAt).to.equal(slot.iso);
    expect(detail.consultation.durationMinutes).to.equal(45);
    expect(detail.application.id).to.equal(application.id);
    expect(detail.application.status).to.equal('scheduled');
    expect(detail.application.consultationId).to.equal(detail.consultation.id);

    const onServer = await callApi('GET', `/applications/${application.id}`, { token: auth.token });
    expect((onServer.body as Application).status).to.equal('scheduled');
    const consultation = await callApi('GET', `/consultations/${detail.consultation.id}`, { token: auth.token });
    expect((consultation.body as Consultation).startsAt).to.equal(slot.iso);
    const notifications = await callApi('GET', '/notifications', { token: patientAuth.token });
    expect((notifications.body as NotificationList).items.map((n) => n.kind)).to.include('application_scheduled');

    await el.updateComplete;
    expect(statusText(el)).to.equal(desk.scheduled(patient.fullName, formatDateTime(slot.iso, 'ru')));
    expect(focused(el)?.id).to.equal('queue-title');
    await waitUntil(() => !cardOf(el, patient.fullName), 'the scheduled application is still in the queue');
    await expect(el).to.be.accessible();
  });

  it('asks for the date and time, and shows the server’s date_in_past next to them', async () => {
    const { patient, application } = await applyTo('bakulev');
    const { el, auth } = await openDesk(DEMO.bakulev);
    await openApplication(el, patient.fullName);

    button(el, 'schedule-button').click();
    await waitUntil(() => shadow(el).querySelector('#startsAt-error'));
    expect(query(el, '#startsAt-error').textContent).to.contain(desk.whenRequired);
    expect(focused(el)?.getAttribute('name')).to.equal('date');

    const yesterday = new Date(Date.now() - DAY_MS);
    const pad = (n: number) => String(n).padStart(2, '0');
    fill(el, { date: `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`, time: '10:00' });
    button(el, 'schedule-button').click();
    await waitUntil(() => query(el, '#startsAt-error').textContent?.includes(ru.fieldErrors.date_in_past), 'no date_in_past');
    const date = query<HTMLInputElement>(el, '[name="date"]');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(date.getAttribute('aria-describedby')).to.contain('startsAt-error');
    expect(focused(el)).to.equal(date);
    await expect(el).to.be.accessible();

    const onServer = await callApi('GET', `/applications/${application.id}`, { token: auth.token });
    expect((onServer.body as Application).status).to.equal('submitted');
  });

  it('says clearly when the doctor is busy at that time, and when the application was reviewed meanwhile', async () => {
    const taken = await applyTo('bakulev');
    const { patient, application } = await applyTo('bakulev');
    const { el, auth } = await openDesk(DEMO.bakulev);
    const slot = futureSlot();
    await scheduleThroughApi(auth.token, taken.application.id, slot.iso);

    await openApplication(el, patient.fullName);
    fill(el, { date: slot.date, time: slot.time });
    button(el, 'schedule-button').click();
    await waitUntil(() => formAlert(el, 'schedule-form') !== '', 'no error shown');
    expect(formAlert(el, 'schedule-form')).to.equal(desk.busy);
    expect((await callApi('GET', `/applications/${application.id}`, { token: auth.token })).body).to.include({ status: 'submitted' });

    // Another doctor of the center declines it while this one is choosing a time.
    await callApi('POST', `/applications/${application.id}/decline`, { token: auth.token, body: { reason: 'Нужны свежие анализы' } });
    const other = futureSlot();
    fill(el, { date: other.date, time: other.time });
    button(el, 'schedule-button').click();
    await waitUntil(() => formAlert(el, 'schedule-form') === desk.alreadyReviewed, 'no already-reviewed error');
    await expect(el).to.be.accessible();
  });

  it('declines only with a reason; the patient is told and oz-application-declined fires', async () => {
    const { patient, application, auth: patientAuth } = await applyTo('bakulev');
    const { el, auth } = await openDesk(DEMO.bakulev);
    await openApplication(el, patient.fullName);

    let fired = 0;
    el.addEventListener('oz-application-declined', () => fired++);
    button(el, 'decline-open-button').click();
    await waitUntil(() => shadow(el).querySelector('#decline-reason-input'), 'the decline form did not open');
    fill(el, { reason: '   ' });
    button(el, 'decline-button').click();
    await waitUntil(() => shadow(el).querySelector('#decline-reason-error'), 'no reason error');
    expect(query(el, '#decline-reason-error').textContent).to.contain(ru.fieldErrors.required);
    expect(focused(el)?.id).to.equal('decline-reason-input');
    expect(fired).to.equal(0);

    fill(el, { reason: 'Обратитесь в центр кардиологии по месту жительства' });
    const declined = oneEvent(el, 'oz-application-declined');
    button(el, 'decline-button').click();
    const { detail } = await declined;
    expect(detail.application.status).to.equal('declined');
    expect(detail.application.declineReason).to.equal('Обратитесь в центр кардиологии по месту жительства');

    const onServer = (await callApi('GET', `/applications/${application.id}`, { token: auth.token })).body as Application;
    expect(onServer.status).to.equal('declined');
    const notifications = (await callApi('GET', '/notifications', { token: patientAuth.token })).body as NotificationList;
    expect(notifications.items.find((n) => n.kind === 'application_declined')?.data.reason).to.equal(
      'Обратитесь в центр кардиологии по месту жительства',
    );
    await el.updateComplete;
    expect(statusText(el)).to.equal(desk.declined(patient.fullName));
  });

  it("lists the doctor's consultations upcoming first, marks today's in words, and cancels after a confirmation", async () => {
    const later = await applyTo('bakulev');
    const sooner = await applyTo('bakulev');
    const auth = await signInViaApi(DEMO.bakulev);
    const slotLater = futureSlot();
    const slotSooner = { iso: new Date(Date.parse(slotLater.iso) - DAY_MS).toISOString() };
    const cLater = await scheduleThroughApi(auth.token, later.application.id, slotLater.iso);
    const cSooner = await scheduleThroughApi(auth.token, sooner.application.id, slotSooner.iso);

    const { el } = await openDesk(DEMO.bakulev);
    await showConsultations(el);
    await waitUntil(() => consultationCard(el, cLater.id));
    const upcoming = [...shadow(el).querySelectorAll('[part~="upcoming"] li')].map((li) => li.getAttribute('data-consultation-id'));
    expect(upcoming.indexOf(cSooner.id)).to.be.greaterThan(-1);
    expect(upcoming.indexOf(cSooner.id)).to.be.lessThan(upcoming.indexOf(cLater.id));
    expect(consultationCard(el, cLater.id)!.querySelector('[part~="today-marker"]')).to.equal(null);
    expect(consultationCard(el, cLater.id)!.textContent).to.contain(later.patient.fullName);
    await expect(el).to.be.accessible();

    // Cancel: Escape keeps it and puts focus back on the button.
    const cancelButton = button(el, 'cancel-consultation-button', consultationCard(el, cLater.id)!);
    cancelButton.focus();
    cancelButton.click();
    await waitUntil(() => query<HTMLDialogElement>(el, 'dialog').open, 'the dialog did not open');
    expect(query(el, 'dialog').textContent).to.contain(desk.cancelTitle);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !query<HTMLDialogElement>(el, 'dialog').open, 'Escape did not close the dialog');
    await el.updateComplete;
    expect(focused(el)).to.equal(button(el, 'cancel-consultation-button', consultationCard(el, cLater.id)!));
    expect(((await callApi('GET', `/consultations/${cLater.id}`, { token: auth.token })).body as Consultation).status).to.equal('scheduled');

    // Confirm with a reason.
    button(el, 'cancel-consultation-button', consultationCard(el, cLater.id)!).click();
    await waitUntil(() => query<HTMLDialogElement>(el, 'dialog').open);
    fill(el, { reason: 'Врач на больничном' });
    const cancelled = oneEvent(el, 'oz-consultation-cancelled');
    button(el, 'confirm-cancel-button').click();
    const { detail } = await cancelled;
    expect(detail.consultation.status).to.equal('cancelled');
    const onServer = (await callApi('GET', `/consultations/${cLater.id}`, { token: auth.token })).body as Consultation;
    expect(onServer.status).to.equal('cancelled');
    expect(onServer.cancelReason).to.equal('Врач на больничном');
    // A doctor's cancellation returns the application to the queue.
    expect(((await callApi('GET', `/applications/${later.application.id}`, { token: auth.token })).body as Application).status).to.equal('submitted');
    await waitUntil(() => !query<HTMLDialogElement>(el, 'dialog').open, 'the dialog stayed open');
    await waitUntil(() => consultationCard(el, cLater.id)?.closest('[part~="past"]'), 'the cancelled one is not under past');
    expect(consultationCard(el, cLater.id)!.textContent).to.contain(desk.reason('Врач на больничном'));
    expect(statusText(el)).to.equal(desk.cancelled(formatDateTime(cLater.startsAt, 'ru')));
  });

  it("marks a consultation that is today with the word «Сегодня»", async () => {
    const { application } = await applyTo('bakulev');
    const auth = await signInViaApi(DEMO.bakulev);
    const slot = futureSlot();
    const consultation = await scheduleThroughApi(auth.token, application.id, slot.iso);
    // The doctor opens the desk on that day, an hour before.
    await withClockShifted(Date.parse(slot.iso) - 3600_000 - Date.now(), async () => {
      const { el } = await openDesk(DEMO.bakulev);
      await showConsultations(el);
      await waitUntil(() => consultationCard(el, consultation.id));
      const card = consultationCard(el, consultation.id)!;
      expect(card.getAttribute('part')).to.contain('today');
      expect(card.querySelector('[part~="today-marker"]')?.textContent?.trim()).to.equal(desk.today);
      // Today's come first among the upcoming ones.
      expect(shadow(el).querySelector('[part~="upcoming"] li')?.getAttribute('data-consultation-id')).to.equal(consultation.id);
      await expect(el).to.be.accessible();
    });
  });

  it('writes the conclusion (text, recommendations, outcome), fires oz-conclusion-written, then shows it as written', async () => {
    const { el, consultation, patient, patientAuth } = await openConclusionForm();
    // «Написать заключение» goes straight to the form.
    await waitUntil(() => focused(el)?.id === 'conclusion-form-title', 'focus is not on the conclusion form');
    expect(text(el)).to.contain(desk.consultationTitle(patient.fullName));
    await expect(el).to.be.accessible();

    button(el, 'conclusion-button').click();
    await waitUntil(() => shadow(el).querySelector('#text-error'), 'no error for the empty text');
    expect(query(el, '#text-error').textContent).to.contain(ru.fieldErrors.required);

    fill(el, { text: 'Показано плановое оперативное лечение.', recommendations: 'Контроль ЭКГ через месяц' });
    query<HTMLInputElement>(el, '#outcome-in_person').click();
    const written = oneEvent(el, 'oz-conclusion-written');
    button(el, 'conclusion-button').click();
    const { detail } = await written;
    expect(detail.conclusion.outcome).to.equal('in_person');

    const onServer = (await callApi('GET', `/consultations/${consultation.id}/conclusion`, { token: patientAuth.token }))
      .body as Conclusion;
    expect(onServer.text).to.equal('Показано плановое оперативное лечение.');
    expect(onServer.recommendations).to.equal('Контроль ЭКГ через месяц');
    expect(onServer.outcome).to.equal('in_person');

    await waitUntil(() => shadow(el).querySelector('[part~="conclusion-text"]'), 'the written conclusion is not shown');
    expect(query(el, '[part~="conclusion"] h4').textContent).to.equal(ru.domain.outcomes.in_person);
    expect(query(el, '[part~="conclusion-text"]').textContent).to.equal('Показано плановое оперативное лечение.');
    expect(shadow(el).querySelector('form[part~="conclusion-form"]')).to.equal(null);
    expect(statusText(el)).to.equal(desk.conclusionWritten);
    await expect(el).to.be.accessible();

    button(el, 'back-button').click();
    await waitUntil(() => consultationCard(el, consultation.id)?.querySelector('[part~="open-conclusion-button"]'));
    expect(consultationCard(el, consultation.id)!.querySelector('[part~="write-conclusion-button"]')).to.equal(null);
  });

  it('says so when the consultation was cancelled before the conclusion was sent', async () => {
    const { el, consultation, patientAuth } = await openConclusionForm();

    await callApi('POST', `/consultations/${consultation.id}/cancel`, { token: patientAuth.token, body: {} });
    fill(el, { text: 'Заключение по документам' });
    button(el, 'conclusion-button').click();
    await waitUntil(() => formAlert(el, 'conclusion-form') !== '', 'no error shown');
    expect(formAlert(el, 'conclusion-form')).to.equal(desk.consultationCancelled);
  });

  it('says so when the conclusion was written meanwhile, from the reason the API gives (no second request)', async () => {
    const { el, consultation } = await openConclusionForm();
    const auth = await signInViaApi(DEMO.bakulev);
    const written = await callApi('POST', `/consultations/${consultation.id}/conclusion`, {
      token: auth.token,
      body: { text: 'Написано в другой вкладке', recommendations: '', outcome: 'conclusion' },
    });
    expect(written.status).to.equal(201);
    const asked = watchApi('GET', `/consultations/${consultation.id}`);
    try {
      fill(el, { text: 'Заключение по документам' });
      button(el, 'conclusion-button').click();
      await waitUntil(() => formAlert(el, 'conclusion-form') !== '', 'no error shown');
      expect(formAlert(el, 'conclusion-form')).to.equal(desk.conclusionExists);
      expect(asked.calls, 'the reason says why: no request to find out').to.have.length(0);
    } finally {
      asked.restore();
    }
  });

  it('refreshes when <oz-notifications> reports news and when «Обновить» is pressed', async () => {
    const { el } = await openDesk(DEMO.bakulev);
    const fresh = await applyTo('bakulev');
    await el.updateComplete;
    expect(cardOf(el, fresh.patient.fullName)).to.equal(undefined);

    document.dispatchEvent(
      new CustomEvent('oz-notification', {
        detail: {
          notification: {
            id: 'n1',
            kind: 'consultation_cancelled',
            text: '',
            data: {},
            createdAt: new Date().toISOString(),
            readAt: null,
          },
        },
      }),
    );
    await waitUntil(() => cardOf(el, fresh.patient.fullName), 'a live notification did not refresh the queue');

    const another = await applyTo('bakulev');
    const refresh = button(el, 'refresh-button');
    expect(refresh.textContent).to.contain(desk.refresh);
    refresh.click();
    await waitUntil(() => cardOf(el, another.patient.fullName), '«Обновить» did not refresh the queue');
    await waitUntil(() => statusText(el) === desk.refreshed);
  });

  it('follows the session: another doctor sees their own desk, signing out leaves only the prompt', async () => {
    const bakulev = await applyTo('bakulev');
    const { el } = await openDesk(DEMO.bakulev);
    await openApplication(el, bakulev.patient.fullName);

    session.adopt(await signInViaApi(DEMO.kulakov), testApi);
    await waitUntil(() => shadow(el).querySelector('[part~="summary"]'), 'the Kulakov queue did not load');
    expect(shadow(el).querySelector('#application-title'), 'the Bakulev application stayed open').to.equal(null);
    expect(cardOf(el, bakulev.patient.fullName)).to.equal(undefined);
    expect(text(el)).to.contain('Смирнова Ольга Викторовна');

    session.clear();
    await el.updateComplete;
    expect(query(el, '[part~="prompt"]').textContent).to.contain(desk.signInPrompt);
    expect(applicationCards(el)).to.have.length(0);
  });

  it('speaks English with lang="en"', async () => {
    const { patient } = await applyTo('kulakov');
    const { el } = await openDesk(DEMO.kulakov, 'en');
    await waitUntil(() => cardOf(el, patient.fullName));
    const tabs = [...shadow(el).querySelectorAll('button[part~="tab"]')].map((tab) => tab.textContent?.trim() ?? '');
    expect(tabs[0]).to.contain(en.doctorDesk.applicationsTab);
    expect(tabs[1]).to.contain(en.doctorDesk.consultationsTab);
    const card = cardOf(el, patient.fullName)!;
    expect(card.textContent).to.contain('Fetal arrhythmias');
    expect(card.textContent).to.contain(en.doctorDesk.waiting(0));
    expect(button(el, 'refresh-button').textContent).to.contain(en.doctorDesk.refresh);
    await openApplication(el, patient.fullName);
    expect(text(el)).to.contain(en.doctorDesk.scheduleTitle);
    expect(text(el)).to.contain(en.domain.documentKinds.fetal_ultrasound);
    expect(query(el, '[part~="base"]').getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });
});
