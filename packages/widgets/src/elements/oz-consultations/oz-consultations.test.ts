import type { Consultation } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { callApi, registerPatient, signInViaApi, stubApi, testApi, watchApi } from '../../../test/api.ts';
import { importedPatientAuth } from '../../../test/sms.ts';
import { expectCleanNames } from '../../../test/names.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import {
  applyToBakulev,
  cancelAsDoctor,
  concludeAsDoctor,
  declineAsDoctor,
  endCallAsDoctor,
  patientState,
  patientWithApplication,
  scheduleAsDoctor,
} from '../../../test/consultations.ts';
import { bookAs, cancelAs, dutyConsultation, messagesOf, postAs, publishAsDuty } from '../../../test/chat.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { loadMoreButton, loadMoreName, pressEnterOn, pressWhileFailing } from '../../../test/paging.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { reviewTimeRu } from '../../i18n/ru/domain.ts';
import { configure, session } from '../../index.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import { formatStart } from './arrange.ts';
import { OzConsultations } from './oz-consultations.ts';

const t = ru.consultations;
const section = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}-section"]`);
const sectionText = (el: Element, name: string) => (section(el, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const dialog = (el: Element) => query<HTMLDialogElement>(el, 'dialog');
const button = (el: Element, part: string) => query<HTMLButtonElement>(el, `button[part~="${part}"]`);
/** The ids of the consultation cards in a section, top to bottom. */
const cardIds = (el: Element, name: string) =>
  [...(section(el, name)?.querySelectorAll('article[part~="consultation"]') ?? [])].map(
    (card) => card.getAttribute('aria-labelledby')!.replace(/^consultation-|-title$/g, ''),
  );

/** Renders the section and waits until the patient's data is on screen. */
async function renderSection(template = html`<oz-consultations></oz-consultations>`) {
  const el = await fixture<OzConsultations>(template);
  await waitUntil(() => shadow(el).querySelector('[part~="section"], .muted:not([aria-busy])'), 'nothing loaded', { timeout: 5000 });
  return el;
}

/** A new patient whose application the demo doctor scheduled, signed in, with the section rendered. */
async function scheduledAndShown(template = html`<oz-consultations></oz-consultations>`) {
  const { auth, application } = await patientWithApplication();
  const consultation = await scheduleAsDoctor(application.id);
  session.adopt(auth, testApi);
  const el = await renderSection(template);
  return { auth, consultation, el };
}

/** Presses a card's button (`withdraw-button`, `cancel-button`) and waits for its confirmation. */
async function openDialog(el: OzConsultations, part: string) {
  button(el, part).click();
  await waitUntil(() => dialog(el).open, 'no confirmation dialog');
}

describe('<oz-consultations>', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('asks a signed-out visitor to sign in', async () => {
    const el = await fixture<OzConsultations>(html`<oz-consultations></oz-consultations>`);
    expect(query(el, '[part="sign-in-prompt"]').textContent).to.equal(t.signInPrompt);
    await expect(el).to.be.accessible();
  });

  it('tells a doctor that the section is for patients', async () => {
    session.adopt(await signInViaApi({ phone: '+79000000001', password: 'demo-bakulev' }), testApi);
    const el = await fixture<OzConsultations>(html`<oz-consultations></oz-consultations>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(t.forPatients);
  });

  it('says when the consultations cannot be loaded, and loads them on retry', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const answer = stubApi('GET', '/consultations', 500, { error: { code: 'internal', message: 'boom' } });
    let el: OzConsultations;
    try {
      el = await fixture<OzConsultations>(html`<oz-consultations></oz-consultations>`);
      await waitUntil(() => shadow(el).querySelector('[part~="load-error"]'), 'no word about the failure');
    } finally {
      answer.restore();
    }
    const problem = query(el, '[part~="load-error"] [part~="error"]');
    expect(problem.textContent).to.equal(ru.errors.internal);
    expect(problem.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    button(el, 'retry-button').click();
    await waitUntil(() => text(el).includes(t.empty), 'the retry did not load the section');
    expect(shadow(el).querySelector('[part~="load-error"]')).to.equal(null);
  });

  it('says so when there is nothing yet', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const el = await renderSection();
    expect(text(el)).to.contain(t.empty);
  });

  it('shows an application filed in another element of the page at once (oz-application-submitted)', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const el = await renderSection();
    expect(text(el)).to.contain(t.empty);
    const application = await applyToBakulev(auth.token);
    document.dispatchEvent(new CustomEvent('oz-application-submitted', { detail: { application }, bubbles: true, composed: true }));
    await waitUntil(() => sectionText(el, 'applications').includes(ru.domain.applicationStatuses.submitted), 'the new application did not appear');
  });

  it('shows a waiting application with the 1–3 days note, and withdraws it after confirmation', async () => {
    const { auth, application } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await renderSection();
    const applications = sectionText(el, 'applications');
    expect(applications).to.contain(t.applicationTo('НМИЦ ССХ им. А.Н. Бакулева'));
    expect(applications).to.contain(ru.domain.applicationStatuses.submitted);
    expect(applications).to.contain('Ишемическая болезнь сердца');
    expect(applications).to.contain(t.waitingNote);
    expect(sectionText(el, 'upcoming')).to.contain(t.noUpcoming);
    await expect(el).to.be.accessible();

    // Changing one's mind: "Нет, оставить" keeps it.
    await openDialog(el, 'withdraw-button');
    expect(dialog(el).getAttribute('part')).to.equal('dialog cancel-dialog');
    expect(dialog(el).textContent).to.contain(t.confirmWithdrawTitle);
    expect(shadow(el).activeElement, 'the harmless answer has the focus').to.equal(button(el, 'keep-button'));
    await expect(el).to.be.accessible();
    button(el, 'keep-button').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    await waitUntil(() => shadow(el).activeElement === button(el, 'withdraw-button'), 'focus did not go back to the button that opened it');
    expect((await patientState(auth.token)).applications[0]!.status).to.equal('submitted');

    await openDialog(el, 'withdraw-button');
    const withdrawn = oneEvent(el, 'oz-application-cancelled');
    button(el, 'confirm-button').click();
    const event = await withdrawn;
    expect(event.detail.application.id).to.equal(application.id);
    expect(event.detail.application.status).to.equal('cancelled');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(query(el, '[part="status"]').textContent).to.equal(t.withdrawn);
    expect(sectionText(el, 'applications')).to.contain(t.withdrawnNote);
    expect(shadow(el).querySelector('button[part~="withdraw-button"]')).to.equal(null);
    expect(shadow(el).activeElement?.id).to.equal('title');
    expect((await patientState(auth.token)).applications[0]!.status).to.equal('cancelled');
  });

  it('refreshes live when the doctor schedules: the consultation appears with local time, kind, doctor and the video note', async () => {
    const { auth, application } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await renderSection();
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(sectionText(el, 'upcoming')).to.contain(t.noUpcoming);

    const consultation = await scheduleAsDoctor(application.id);
    await waitUntil(() => sectionText(el, 'upcoming').includes(formatStart('ru', consultation.startsAt)), 'the new consultation did not appear without reload');
    const upcoming = sectionText(el, 'upcoming');
    expect(upcoming).to.contain(ru.domain.consultationKinds.application);
    expect(upcoming).to.contain(consultation.doctorName);
    expect(upcoming).to.contain(ru.domain.consultationStatuses.scheduled);
    expect(upcoming).to.contain(t.duration(30));
    expect(query(el, '[part~="join"]').textContent, 'when the video room opens').to.contain('Видеосвязь откроется');
    // The scheduled application is shown once, as its consultation.
    expect(section(el, 'applications')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('cancels a scheduled consultation with a reason after confirmation', async () => {
    const { auth, consultation, el } = await scheduledAndShown();

    await openDialog(el, 'cancel-button');
    expect(dialog(el).textContent).to.contain(t.confirmCancelTitle);
    const reason = query<HTMLTextAreaElement>(el, 'textarea[name="reason"]');
    expect(shadow(el).activeElement).to.equal(reason);
    await expect(el).to.be.accessible();
    // Escape closes it with nothing changed.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect((await patientState(auth.token)).consultations[0]!.status).to.equal('scheduled');

    await openDialog(el, 'cancel-button');
    await sendKeys({ type: 'Уезжаю к дочери' });
    const cancelled = oneEvent(el, 'oz-consultation-cancelled');
    button(el, 'confirm-button').click();
    const event = await cancelled;
    expect(event.detail.consultation.id).to.equal(consultation.id);
    await el.updateComplete;

    const [saved] = (await patientState(auth.token)).consultations as [Consultation];
    expect([saved.status, saved.cancelledBy, saved.cancelReason]).to.deep.equal(['cancelled', 'patient', 'Уезжаю к дочери']);
    expect(query(el, '[part="status"]').textContent).to.equal(t.cancelled);
    expect(sectionText(el, 'upcoming')).to.contain(t.noUpcoming);
    // Its time is still to come: under its own heading, not among the past ones.
    expect(section(el, 'past')).to.equal(null);
    expect(query(el, '#cancelled-title').textContent).to.equal(t.cancelledTitle);
    const cancelledText = sectionText(el, 'cancelled');
    expect(cancelledText).to.contain(ru.domain.consultationStatuses.cancelled);
    expect(cancelledText).to.contain(t.cancelledByPatient);
    expect(cancelledText).to.contain(t.cancelReason('Уезжаю к дочери'));
    expect(cardIds(el, 'cancelled')).to.deep.equal([consultation.id]);
    expect(shadow(el).activeElement?.id).to.equal('title');
    await expect(el).to.be.accessible();
  });

  it('says in the dialog, in Russian, when the consultation can no longer be cancelled', async () => {
    const { consultation, el } = await scheduledAndShown();

    await openDialog(el, 'cancel-button');
    // Meanwhile the doctor cancels it.
    await cancelAsDoctor(consultation.id, 'Врач заболел');
    button(el, 'confirm-button').click();
    await waitUntil(() => query(el, 'dialog [role="alert"]').textContent?.trim() !== '', 'no error in the dialog');
    expect(query(el, 'dialog [role="alert"]').textContent?.trim()).to.equal(ru.errors.conflict);
    expect(dialog(el).open).to.equal(true);
    expect(button(el, 'confirm-button').disabled).to.equal(false);
  });

  it('shows a declined application with the doctor\'s reason', async () => {
    const { auth, application } = await patientWithApplication();
    await declineAsDoctor(application.id, 'Нужна свежая ЭКГ за последний месяц');
    session.adopt(auth, testApi);
    const el = await renderSection();
    const applications = sectionText(el, 'applications');
    expect(applications).to.contain(ru.domain.applicationStatuses.declined);
    expect(applications).to.contain(t.declinedReason('Нужна свежая ЭКГ за последний месяц'));
    expect(shadow(el).querySelector('button[part~="withdraw-button"]')).to.equal(null);
  });

  it('opens the doctor\'s conclusion to read and print', async () => {
    const { auth, application } = await patientWithApplication();
    const consultation = await scheduleAsDoctor(application.id);
    await concludeAsDoctor(consultation.id, {
      text: 'Показано хирургическое лечение.\nНужна очная консультация кардиохирурга.',
      recommendations: 'Приехать в центр с выписками.',
      outcome: 'in_person',
    });
    session.adopt(auth, testApi);
    const el = await renderSection();
    expect(sectionText(el, 'past')).to.contain(ru.domain.consultationStatuses.completed);

    const open = button(el, 'conclusion-button');
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    open.click();
    await waitUntil(() => shadow(el).querySelector('[part~="conclusion"]'), 'the conclusion did not load');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(query(el, '[part~="outcome"]').textContent).to.equal(ru.domain.outcomes.in_person);
    expect(query(el, '[part~="conclusion-text"]').textContent).to.equal('Показано хирургическое лечение.\nНужна очная консультация кардиохирурга.');
    expect(query(el, '[part~="recommendations"]').textContent).to.equal('Приехать в центр с выписками.');
    expect(query(el, '[part~="conclusion"]').textContent).to.contain(consultation.doctorName);
    await expect(el).to.be.accessible();

    button(el, 'print-button').click();
    const frame = query<HTMLIFrameElement>(el, 'iframe[part="print-frame"]');
    await waitUntil(() => frame.contentDocument?.querySelector('h1'), 'nothing to print');
    const printed = frame.contentDocument!.body.textContent ?? '';
    expect(frame.contentDocument!.querySelector('h1')!.textContent).to.equal(t.printTitle(ru.domain.outcomes.in_person));
    expect(printed).to.contain('Показано хирургическое лечение.');
    expect(printed).to.contain('Приехать в центр с выписками.');
    expect(printed).to.contain(auth.user.fullName);

    open.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="conclusion"]')).to.equal(null);
  });

  it('lets the video element put its button where the note is (renderJoin)', async () => {
    class WithVideo extends OzConsultations {
      protected override renderJoin(consultation: Consultation) {
        return html`<button type="button" data-consultation=${consultation.id}>Войти</button>`;
      }
    }
    WithVideo.define('oz-consultations-with-video');
    const { consultation, el } = await scheduledAndShown(html`<oz-consultations-with-video></oz-consultations-with-video>`);
    expect(query(el, '[part~="join"] button').dataset.consultation).to.equal(consultation.id);
    expect(text(el)).not.to.contain('Видеосвязь откроется');
  });

  it('offers the video room in place once it opens, 15 minutes before the start', async () => {
    const { auth, application } = await patientWithApplication();
    const soon = new Date(Date.now() + (5 + Math.random() * 5) * 60_000).toISOString();
    const consultation = await scheduleAsDoctor(application.id, soon);
    session.adopt(auth, testApi);
    const el = await renderSection();
    const join = button(el, 'join-button');
    expect(join.textContent?.trim()).to.equal(ru.videoJoin.openRoom);
    expect(join.getAttribute('aria-expanded')).to.equal('false');
    join.click();
    await el.updateComplete;
    const room = query(el, 'oz-video-room');
    expect(room.getAttribute('consultation')).to.equal(consultation.id);
    expect(button(el, 'join-button').textContent?.trim()).to.equal(ru.videoJoin.closeRoom);
    // Above «Войти в консультацию» no empty pink bar: the error region is there for announcements, unseen until it has words.
    await waitUntil(() => room.shadowRoot?.querySelector('[part~="join-error"]'), 'the device check did not show', { timeout: 10_000 });
    const joinError = room.shadowRoot!.querySelector<HTMLElement>('[part~="join-error"]')!;
    expect(joinError.getAttribute('role')).to.equal('alert');
    expect(joinError.textContent!.trim()).to.equal('');
    expect(joinError.getBoundingClientRect().height, 'an empty error takes no room').to.equal(0);
    button(el, 'join-button').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('oz-video-room'), 'collapsed again').to.equal(null);
  });

  it('shows live that the doctor ended the call: no join, no cancel, until the conclusion', async () => {
    const { auth, application } = await patientWithApplication();
    const soon = new Date(Date.now() + (5 + Math.random() * 5) * 60_000).toISOString();
    const consultation = await scheduleAsDoctor(application.id, soon);
    session.adopt(auth, testApi);
    const el = await renderSection();
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    expect(button(el, 'join-button').textContent?.trim()).to.equal(ru.videoJoin.openRoom);
    expect(button(el, 'cancel-button').textContent?.trim()).to.equal(t.cancel);

    await endCallAsDoctor(consultation.id);
    await waitUntil(() => shadow(el).querySelector('[part~="call-ended"]'), 'the end did not show without reload', { timeout: 5000 });
    expect(query(el, '[part~="call-ended"]').textContent?.trim()).to.equal('Консультация завершена — врач пишет заключение');
    expect(ru.domain.callEnded).to.equal('Консультация завершена — врач пишет заключение');
    expect(shadow(el).querySelector('button[part~="cancel-button"]'), 'no cancel').to.equal(null);
    expect(shadow(el).querySelector('button[part~="join-button"]'), 'no join').to.equal(null);
    expect(shadow(el).querySelector('[part~="join"]'), 'no video note').to.equal(null);
    expect(sectionText(el, 'upcoming')).not.to.contain(ru.videoJoin.roomOpenNote);
    expect(sectionText(el, 'upcoming')).not.to.contain(ru.domain.consultationStatuses.scheduled);
    await expect(el).to.be.accessible();

    // The conclusion replaces the note: the card shows it to read.
    await concludeAsDoctor(consultation.id, { text: 'Здоров', outcome: 'conclusion' });
    await waitUntil(() => shadow(el).querySelector('button[part~="conclusion-button"]'), 'the conclusion did not show', { timeout: 5000 });
    expect(shadow(el).querySelector('[part~="call-ended"]'), 'no longer waiting').to.equal(null);
  });

  it('speaks English with lang="en"', async () => {
    const { consultation, el } = await scheduledAndShown(html`<oz-consultations lang="en"></oz-consultations>`);
    expect(query(el, 'h2').textContent).to.equal(en.consultations.title);
    const upcoming = sectionText(el, 'upcoming');
    expect(upcoming).to.contain(formatStart('en', consultation.startsAt));
    expect(upcoming).to.contain(en.domain.consultationKinds.application);
    expect(upcoming).to.contain('The video room opens');
    expect(button(el, 'cancel-button').textContent?.trim()).to.equal(en.consultations.cancel);
    expect(button(el, 'chat-button').textContent?.trim()).to.equal(en.consultations.openChat);
    button(el, 'chat-button').click();
    await el.updateComplete;
    const chat = query(el, 'oz-chat');
    expect(chat.getAttribute('lang'), 'the chat speaks the section\'s language').to.equal('en');
    await waitUntil(() => chat.shadowRoot?.querySelector('textarea'), 'the chat did not load');
    expect(chat.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(en.chat.titleWithDoctor);
    await expect(el).to.be.accessible();
  });

  it('opens the chat with the duty doctor in place: the patient writes, the doctor\'s answer arrives live', async () => {
    const { patient, doctor, consultation } = await dutyConsultation({ topic: 'Давление по утрам 150/95' });
    session.adopt(patient, testApi);
    const el = await renderSection();
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');
    const upcoming = sectionText(el, 'upcoming');
    expect(upcoming).to.contain(ru.domain.consultationKinds.duty);
    expect(query(el, '[part~="topic"]').textContent).to.equal('Давление по утрам 150/95');

    const toggle = button(el, 'chat-button');
    expect(toggle.textContent?.trim()).to.equal(t.openChat);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).querySelector('oz-chat')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent?.trim()).to.equal(t.hideChat);
    const chat = query(el, 'oz-chat');
    expect(chat.id).to.equal(toggle.getAttribute('aria-controls'));
    expect(chat.getAttribute('consultation')).to.equal(consultation.id);
    await waitUntil(() => chat.shadowRoot?.querySelector('textarea'), 'the chat did not load');
    await expect(el).to.be.accessible();

    const box = chat.shadowRoot!.querySelector('textarea')!;
    box.value = 'Нужно ли отменить таблетки перед консультацией?';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const sent = oneEvent(el, 'oz-message-sent');
    chat.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await sent).detail.message.consultationId, 'the event reaches the page through the section').to.equal(consultation.id);
    expect((await messagesOf(doctor.token, consultation.id)).map((m) => m.text)).to.deep.equal(['Нужно ли отменить таблетки перед консультацией?']);

    await postAs(doctor.token, consultation.id, 'Нет, принимайте как обычно.');
    const shownTexts = () => [...chat.shadowRoot!.querySelectorAll('[part~="text"]')].map((node) => node.textContent);
    await waitUntil(() => shownTexts().length === 2, 'the answer did not arrive live');
    expect(shownTexts()).to.deep.equal(['Нужно ли отменить таблетки перед консультацией?', 'Нет, принимайте как обычно.']);

    // Closed: a new answer is marked on the card in words; opening the chat shows it.
    toggle.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('oz-chat')).to.equal(null);
    await postAs(doctor.token, consultation.id, 'И возьмите тонометр.');
    await waitUntil(() => shadow(el).querySelector('[part~="new-message"]'), 'no «new message» mark');
    expect(query(el, '[part~="new-message"]').textContent).to.contain(t.newMessage);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="new-message"]')).to.equal(null);
    const reopened = query(el, 'oz-chat');
    await waitUntil(() => reopened.shadowRoot?.querySelectorAll('[part~="text"]').length === 3, 'the chat did not show all messages');
  });

  it('shows a cancelled duty booking under «Отменённые консультации», not «Прошедшие», with its chat read-only', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    await postAs(doctor.token, consultation.id, 'Жду вас.');
    await cancelAs(patient.token, consultation.id);
    session.adopt(patient, testApi);
    const el = await renderSection();
    expect(sectionText(el, 'upcoming')).to.contain(t.noUpcoming);
    expect(section(el, 'past'), 'nothing has taken place yet').to.equal(null);
    const cancelled = sectionText(el, 'cancelled');
    expect(cancelled).to.contain(t.cancelledTitle);
    expect(cancelled).to.contain(ru.domain.consultationKinds.duty);
    expect(cancelled).to.contain(ru.domain.consultationStatuses.cancelled);
    expect(cancelled).to.contain(t.cancelledByPatient);
    button(el, 'chat-button').click();
    await el.updateComplete;
    const chat = query(el, 'oz-chat');
    await waitUntil(() => chat.shadowRoot?.querySelector('[part="closed-note"]'), 'the chat is not read-only');
    expect(chat.shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(chat.shadowRoot!.querySelector('[part~="text"]')!.textContent).to.equal('Жду вас.');
    await expect(el).to.be.accessible();
  });

  it('asks for the latest first, and shows earlier past ones with «Показать ещё» at the end of the past', async () => {
    // Six times of one duty doctor: four booked and cancelled (past), the last one booked (upcoming).
    const slots = await publishAsDuty('kulakov', 2);
    const { auth: patient } = await registerPatient();
    const cancelled: Consultation[] = [];
    for (const slot of slots.slice(0, 4)) {
      const booked = await bookAs(patient.token, slot.id);
      await cancelAs(patient.token, booked.id);
      cancelled.push(booked);
    }
    const upcoming = await bookAs(patient.token, slots[5]!.id);
    session.adopt(patient, testApi);
    const watch = watchApi('GET', '/consultations');
    let el: OzConsultations;
    try {
      el = await renderSection(html`<oz-consultations page-size="2"></oz-consultations>`);
    } finally {
      watch.restore();
    }
    expect(watch.calls[0]!.searchParams.get('order')).to.equal('desc');
    expect(watch.calls[0]!.searchParams.get('limit')).to.equal('2');
    expect(cardIds(el, 'upcoming')).to.deep.equal([upcoming.id]);
    // Cancelled ahead of time: under their own heading, soonest first; «Показать ещё» still ends the list.
    expect(cardIds(el, 'cancelled'), 'the latest one').to.deep.equal([cancelled[3]!.id]);
    const past = section(el, 'past')!;
    expect(loadMoreName(loadMoreButton(el, past))).to.equal(`${ru.paging.showMore}: ${t.pastTitle}`);
    await expect(el).to.be.accessible();

    await pressEnterOn(loadMoreButton(el, past)!);
    await waitUntil(() => cardIds(el, 'cancelled').length === 3, 'earlier consultations did not come');
    expect(cardIds(el, 'cancelled')).to.deep.equal([cancelled[1]!.id, cancelled[2]!.id, cancelled[3]!.id]);
    expect(shadow(el).activeElement).to.equal(loadMoreButton(el, past));

    const error = await pressWhileFailing(el, '/consultations', past);
    expect(error.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`${ru.paging.moreFailed} ${ru.errors.internal}`);
    expect(loadMoreName(loadMoreButton(el, past))).to.equal(ru.paging.retry);
    await expect(el).to.be.accessible();
    await pressEnterOn(loadMoreButton(el, past)!);
    await waitUntil(() => cardIds(el, 'cancelled').length === 4, 'the retry did not bring the earliest one');
    expect(cardIds(el, 'cancelled'), 'soonest first, each once').to.deep.equal(cancelled.map((c) => c.id));
    expect(cardIds(el, 'past')).to.deep.equal([]);
    expect(cardIds(el, 'upcoming')).to.deep.equal([upcoming.id]);
    expect(loadMoreButton(el), 'no button after the last page').to.equal(null);
    expect(shadow(el).activeElement?.id, 'focus goes to the card that came').to.equal(`consultation-${cancelled[0]!.id}-title`);
  });

  it('promises one review time: a referral\'s waiting card says what the form says after applying', async () => {
    const auth = await importedPatientAuth();
    const changed = await callApi('POST', '/auth/password', { token: auth.token, body: { newPassword: 'Новый-пароль-1', consent: true } });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    session.adopt({ token: auth.token, user: (changed.body as { user: typeof auth.user }).user }, testApi);
    const el = await renderSection();
    await waitUntil(() => section(el, 'applications'), 'the referral is not shown');
    const note = query(el, '[part~="waiting-note"]').textContent!;
    expect(note).to.equal(t.referralWaitingNote);
    // The same words as the form's confirmation and the card of an application of one's own.
    for (const promise of [note, t.waitingNote, ru.apply.doneReview('НМИЦ ССХ им. А.Н. Бакулева')]) {
      expect(promise).to.contain(reviewTimeRu);
      expect(promise).to.not.match(/2–4/);
    }
    expect(reviewTimeRu).to.equal('обычно в течение 1–3 дней');
    expect(en.consultations.referralWaitingNote).to.contain('usually within 1–3 days');
    expect(en.apply.doneReview('X')).to.contain('usually within 1–3 days');
  });

  it('reflows at 320 and 180 px and says every button\'s name without stray spaces', async () => {
    const { auth, application } = await patientWithApplication();
    await scheduleAsDoctor(application.id);
    session.adopt(auth, testApi);
    const wrapper = await fixture(html`<div><oz-consultations></oz-consultations></div>`);
    const el = wrapper.querySelector('oz-consultations')!;
    await waitUntil(() => cardIds(el, 'upcoming').length === 1, 'the consultation is not shown');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
    expectCleanNames(el);
  });

  it('drops the previous person\'s data when the user signs out', async () => {
    const { auth } = await patientWithApplication();
    session.adopt(auth, testApi);
    const el = await renderSection();
    expect(section(el, 'applications')).not.to.equal(null);
    session.clear();
    await el.updateComplete;
    expect(section(el, 'applications')).to.equal(null);
    expect(query(el, '[part="sign-in-prompt"]').textContent).to.equal(t.signInPrompt);
  });
});
