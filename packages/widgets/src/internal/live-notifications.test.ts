import type { ChatMessage, Notification } from '@oz/contracts';
import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { testApi } from '../../test/api.ts';
import { dutyConsultation, postAs } from '../../test/chat.ts';
import { patientWithApplication, scheduleAsDoctor, watchEventSources } from '../../test/consultations.ts';
import { forgetSession } from '../../test/session.ts';
import { configure, session } from '../index.ts';
import { liveNotifications, type LiveNotifications } from './live-notifications.ts';

describe('live notifications', () => {
  let live: LiveNotifications;
  let watch: ReturnType<typeof watchEventSources>;
  const releases: Array<() => void> = [];

  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(async () => {
    await forgetSession();
    live = liveNotifications(testApi);
    live.retry.initialMs = 50;
    watch = watchEventSources();
  });

  afterEach(() => {
    releases.splice(0).forEach((release) => release());
    watch.restore();
    session.clear();
  });

  const subscribe = (onNotification?: (n: Notification) => void, onResume?: () => void) => {
    const release = live.subscribe({ onNotification, onResume });
    releases.push(release);
    return release;
  };

  it('is one object per page and API origin', () => {
    expect(liveNotifications(testApi)).to.equal(live);
    expect(liveNotifications('https://other.example')).not.to.equal(live);
    expect((globalThis as unknown as Record<symbol, Map<string, unknown>>)[Symbol.for('oblako-zdorovya/live-notifications@1')]?.get(testApi)).to.equal(live);
  });

  it('opens ONE stream however many listen, and delivers a doctor\'s action to all of them', async () => {
    const { auth, application } = await patientWithApplication();
    session.adopt(auth, testApi);
    const heardA: Notification[] = [];
    const heardB: Notification[] = [];
    subscribe((n) => heardA.push(n));
    subscribe((n) => heardB.push(n));
    // Two elements on the page listen as well.
    await fixture(html`<div><oz-notifications></oz-notifications><oz-consultations></oz-consultations></div>`);
    await waitUntil(() => live.status === 'open', 'the stream did not open');
    // The elements listen from their signed-in parts, which arrive a moment after the sign-in.
    await waitUntil(() => live.subscribers === 4, `${live.subscribers} listeners, not 4`);
    expect(watch.opened).to.have.length(1);
    // The ticket is in the URL, never the bearer token.
    expect(watch.opened[0]!.url).to.match(/\/api\/v1\/notifications\/stream\?ticket=/);
    expect(watch.opened[0]!.url).not.to.contain(auth.token);

    const consultation = await scheduleAsDoctor(application.id);
    await waitUntil(() => heardA.length === 1 && heardB.length === 1, 'the notification did not arrive live');
    expect(heardA[0]!.kind).to.equal('application_scheduled');
    expect(heardA[0]!.data.consultationId).to.equal(consultation.id);
    expect(watch.opened).to.have.length(1);
  });

  it('delivers chat messages of the user\'s consultations on the same stream, apart from notifications', async () => {
    const { patient, doctor, consultation } = await dutyConsultation();
    session.adopt(patient, testApi);
    const notifications: Notification[] = [];
    const messages: ChatMessage[] = [];
    releases.push(live.subscribe({ onNotification: (n) => notifications.push(n), onMessage: (m) => messages.push(m) }));
    // A listener of notifications only (the older API) gets no messages, only notifications.
    const heardOld: Notification[] = [];
    subscribe((n) => heardOld.push(n));
    await waitUntil(() => live.status === 'open', 'the stream did not open');

    const answer = await postAs(doctor.token, consultation.id, 'Добрый день! Жду вас.');
    const own = await postAs(patient.token, consultation.id, 'Спасибо');
    await waitUntil(() => messages.length === 2, 'the messages did not arrive live');
    expect(messages.map((m) => [m.id, m.consultationId, m.text, m.authorRole])).to.deep.equal([
      [answer.id, consultation.id, 'Добрый день! Жду вас.', 'doctor'],
      [own.id, consultation.id, 'Спасибо', 'patient'],
    ]);
    // The doctor's message is also one unread bell entry for the patient; the patient's own is not.
    await waitUntil(() => notifications.length === 1, 'no «new message» entry for the doctor\'s message');
    expect(notifications.map((n) => [n.kind, n.data.consultationId])).to.deep.equal([['message_received', consultation.id]]);
    expect(heardOld.map((n) => n.kind)).to.deep.equal(['message_received']);
    expect(watch.opened).to.have.length(1);
  });

  it('reconnects after an error with a NEW ticket (a ticket works once) and asks listeners to reload', async () => {
    const { auth, application } = await patientWithApplication();
    session.adopt(auth, testApi);
    const heard: Notification[] = [];
    let resumed = 0;
    subscribe((n) => heard.push(n), () => resumed++);
    await waitUntil(() => live.status === 'open', 'the stream did not open');
    const first = watch.opened[0]!;

    // The connection drops (server restart, a proxy timeout, a flaky rural line).
    first.dispatchEvent(new Event('error'));
    expect(first.readyState, 'the browser must not retry the spent ticket by itself').to.equal(EventSource.CLOSED);
    expect(live.status).to.equal('waiting');
    await waitUntil(() => live.status === 'open' && watch.opened.length === 2, 'no reconnect');
    const second = watch.opened[1]!;
    expect(second.url).not.to.equal(first.url);
    expect((await fetch(first.url)).status, 'the first ticket is spent').to.equal(401);
    expect(resumed).to.equal(1);

    await scheduleAsDoctor(application.id);
    await waitUntil(() => heard.length === 1, 'no notification after the reconnect');
    expect(heard[0]!.kind).to.equal('application_scheduled');
  });

  it('closes the stream when the user signs out and when the last listener leaves', async () => {
    const { auth } = await patientWithApplication();
    session.adopt(auth, testApi);
    const release = subscribe();
    await waitUntil(() => live.status === 'open', 'the stream did not open');
    session.clear();
    expect(live.status).to.equal('idle');
    expect(watch.opened[0]!.readyState).to.equal(EventSource.CLOSED);

    // Signing in again opens a fresh stream for that user.
    session.adopt(auth, testApi);
    await waitUntil(() => live.status === 'open', 'the stream did not reopen');
    expect(watch.opened).to.have.length(2);
    release();
    expect(live.status).to.equal('idle');
    expect(watch.opened[1]!.readyState).to.equal(EventSource.CLOSED);
  });

  it('does not connect for nobody, nor before a one-time password is replaced', async () => {
    subscribe();
    expect(live.status).to.equal('idle');
    const { auth } = await patientWithApplication();
    session.adopt({ token: auth.token, user: { ...auth.user, mustChangePassword: true } }, testApi);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live.status).to.equal('idle');
    expect(watch.opened).to.have.length(0);
    session.updateUser({ ...auth.user, mustChangePassword: false });
    await waitUntil(() => live.status === 'open', 'the stream did not open after the password change');
  });
});
