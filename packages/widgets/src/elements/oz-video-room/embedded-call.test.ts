import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { callApi, signInViaApi, testApi } from '../../../test/api.ts';
import { shadow } from '../../../test/dom.ts';
import { consultationStartingSoon, isPlaying, TestPeer, watchWebSockets } from '../../../test/video.ts';
import { forgetSession } from '../../../test/session.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import type { OzVideoRoom } from './oz-video-room.ts';

const t = ru.videoRoom;
const part = <T extends Element = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part~="${name}"]`);
const status = (el: Element) => part(el, 'call-status')?.textContent?.trim();
const remoteVideo = (el: Element) => part<HTMLVideoElement>(el, 'remote-video');

/** The room, ready to join: devices on and the connection measured. */
async function renderReady(consultationId: string) {
  const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation=${consultationId}></oz-video-room>`);
  await waitUntil(() => part(el, 'verdict'), 'the check did not finish', { timeout: 15_000 });
  return el;
}

async function join(el: OzVideoRoom) {
  const joined = oneEvent(el, 'oz-call-joined');
  part<HTMLButtonElement>(el, 'join-button')!.click();
  const event = await joined;
  await waitUntil(() => part(el, 'call'), 'no call view');
  return event;
}

async function waitForRemoteVideo(el: OzVideoRoom, message: string) {
  await waitUntil(() => remoteVideo(el)?.videoWidth, message, { timeout: 15_000 });
  expect(await isPlaying(remoteVideo(el)), 'the remote video does not advance').to.equal(true);
}

describe('<oz-video-room> in an embedded room (real signaling, real WebRTC on loopback)', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('connects the patient with the doctor both ways, follows the doctor leaving and rejoins after a network drop', async function () {
    this.timeout(90_000);
    const sockets = watchWebSockets();
    try {
      const { auth, consultation, doctorToken } = await consultationStartingSoon();
      session.adopt(auth, testApi);
      const el = await renderReady(consultation.id);
      const event = await join(el);
      expect(event.detail).to.deep.equal({ consultationId: consultation.id, role: 'patient' });
      expect(status(el)).to.equal(t.waitingForDoctor);
      await expect(el).to.be.accessible();

      // The doctor (scripted here) joins and offers; the patient's element answers.
      const doctor = await TestPeer.join(doctorToken, consultation.id);
      await waitUntil(() => status(el) === t.doctorJoined, `status: ${status(el)}`, { timeout: 10_000 });
      await waitForRemoteVideo(el, 'the doctor is not seen');
      await waitUntil(async () => (await doctor.framesDecoded()) > 0, 'the doctor does not see the patient', { timeout: 10_000 });
      expect(part(el, 'remote-video')!.getAttribute('aria-label')).to.equal(t.remoteVideo(t.doctorWord));

      // Connection quality in words, from getStats.
      await waitUntil(() => part(el, 'quality')?.dataset.quality, 'no quality measured', { timeout: 10_000 });
      expect(part(el, 'quality')!.textContent!.trim()).to.equal(t.quality(t.qualityLevels.good));
      await expect(el).to.be.accessible();

      // The microphone switch: one short word, pressed while on; off, the track really stops sending sound.
      const microphone = part<HTMLButtonElement>(el, 'microphone-button')!;
      expect(microphone.textContent!.trim()).to.equal(t.microphone);
      expect(microphone.getAttribute('aria-pressed')).to.equal('true');
      microphone.click();
      await el.updateComplete;
      expect(microphone.textContent!.trim()).to.equal(t.microphone);
      expect(microphone.getAttribute('aria-pressed')).to.equal('false');
      expect(microphone.classList.contains('off')).to.equal(true);
      const local = part<HTMLVideoElement>(el, 'local-video')!.srcObject as MediaStream;
      expect(local.getAudioTracks()[0]!.enabled).to.equal(false);
      microphone.click();
      await el.updateComplete;
      expect(local.getAudioTracks()[0]!.enabled).to.equal(true);

      // The doctor leaves: the patient is told and waits.
      doctor.leave();
      await waitUntil(() => status(el) === t.doctorLeft, `status: ${status(el)}`, { timeout: 10_000 });
      expect(remoteVideo(el)!.hidden).to.equal(true);

      // The doctor comes back.
      const doctorAgain = await TestPeer.join(doctorToken, consultation.id);
      await waitForRemoteVideo(el, 'the doctor is not seen after coming back');

      // The patient's network drops (the signaling socket dies): the element says so and rejoins
      // with a new ticket; the doctor offers again on peer-joined.
      const joinsBefore = sockets.opened.length;
      const ownSockets = () => sockets.opened.filter((opened) => opened !== doctor.socket && opened !== doctorAgain.socket);
      const socket = ownSockets().at(-1)!;
      expect(socket.url).to.contain(`/video/rooms/${consultation.id}`);
      socket.close();
      await waitUntil(() => status(el) === t.reconnecting, `status: ${status(el)}`, { timeout: 5000 });
      await waitUntil(() => sockets.opened.length > joinsBefore, 'no new connection', { timeout: 10_000 });
      expect(ownSockets().at(-1)!.url).to.not.equal(socket.url);
      await waitUntil(() => status(el) === t.reconnected || status(el) === t.doctorJoined, `status: ${status(el)}`, { timeout: 10_000 });
      await waitForRemoteVideo(el, 'the doctor is not seen after the rejoin');

      // Leaving: the doctor hears peer-left, the camera and microphone go off.
      const left = oneEvent(el, 'oz-call-left');
      part<HTMLButtonElement>(el, 'leave-button')!.click();
      expect((await left).detail).to.deep.equal({ consultationId: consultation.id });
      await doctorAgain.next('peer-left');
      expect(local.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
      await waitUntil(() => part(el, 'after-call'), 'no after-call view');
      expect(part(el, 'after-call')!.textContent).to.contain(t.leftTitle);
      expect(shadow(el).activeElement?.id).to.equal('after-title');
      await expect(el).to.be.accessible();
      doctorAgain.leave();

      // The embedded room never needs openvidu-browser.
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(loaded.some((name) => name.includes('openvidu-browser'))).to.equal(false);
    } finally {
      sockets.restore();
    }
  });

  it('lets the doctor end the consultation for both, after confirming', async function () {
    this.timeout(60_000);
    const { auth: patientAuth, consultation, doctorToken } = await consultationStartingSoon();
    const doctor = await callApi('GET', '/me', { token: doctorToken });
    session.adopt({ token: doctorToken, user: doctor.body as never }, testApi);
    const el = await renderReady(consultation.id);
    await join(el);
    expect(status(el)).to.equal(t.waitingForPatient);

    const patient = await TestPeer.join(patientAuth.token, consultation.id);
    await waitForRemoteVideo(el, 'the patient is not seen');
    expect(status(el)).to.equal(t.patientJoined);

    // Changing one's mind keeps the call.
    const end = part<HTMLButtonElement>(el, 'end-button')!;
    expect(end.textContent!.trim()).to.equal(t.endShort);
    expect(end.getAttribute('aria-label')).to.equal(t.end);
    end.click();
    const dialog = part<HTMLDialogElement>(el, 'end-dialog')!;
    await waitUntil(() => dialog.open, 'no confirmation');
    expect(shadow(el).activeElement).to.equal(part(el, 'keep-button'));
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'keep-button')!.click();
    await waitUntil(() => !dialog.open && shadow(el).activeElement === end, 'focus did not return to the end button');
    // Escape too.
    end.click();
    await waitUntil(() => dialog.open, 'no confirmation');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open && shadow(el).activeElement === end, 'Escape did not close the dialog');
    expect(status(el)).to.equal(t.patientJoined);

    end.click();
    await waitUntil(() => dialog.open, 'no confirmation');
    const ended = oneEvent(el, 'oz-call-ended');
    expect(part(el, 'confirm-button'), 'confirm-button, and its old name').to.equal(part(el, 'confirm-end-button'));
    part<HTMLButtonElement>(el, 'confirm-end-button')!.click();
    expect((await ended).detail).to.deep.equal({ consultationId: consultation.id, by: 'self' });
    await patient.next('ended');
    expect(await patient.closed).to.equal(4100);
    await waitUntil(() => part(el, 'after-call'), 'no after-call view');
    expect(part(el, 'after-call')!.textContent).to.contain(t.endedForDoctor);
    expect(part(el, 'rejoin-button')).to.equal(null);
    patient.leave();
  });

  it('tells the patient when the doctor ends the consultation, and turns the camera off', async function () {
    this.timeout(60_000);
    const { auth, consultation, doctorToken } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);
    await join(el);
    const local = part<HTMLVideoElement>(el, 'local-video')!.srcObject as MediaStream;
    const doctor = await TestPeer.join(doctorToken, consultation.id);
    await waitForRemoteVideo(el, 'the doctor is not seen');

    const ended = oneEvent(el, 'oz-call-ended');
    expect((await callApi('POST', `/consultations/${consultation.id}/video/end`, { token: doctorToken })).status).to.equal(204);
    expect((await ended).detail).to.deep.equal({ consultationId: consultation.id, by: 'doctor' });
    await waitUntil(() => part(el, 'after-call'), 'no after-call view');
    expect(part(el, 'after-call')!.textContent).to.contain(t.endedForPatient);
    expect(local.getTracks().every((track) => track.readyState === 'ended')).to.equal(true);
    doctor.leave();
  });

  it('shows a tap-to-play button when the browser blocks the remote video', async function () {
    this.timeout(60_000);
    const { auth, consultation, doctorToken } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const play = HTMLMediaElement.prototype.play;
    // Chrome refuses play() without a user gesture on some pages: simulate its refusal once.
    let refused = 0;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (this.getAttribute('part') === 'remote-video' && refused === 0) {
        refused += 1;
        this.pause();
        return Promise.reject(new DOMException('play() failed because the user did not interact', 'NotAllowedError'));
      }
      return play.call(this);
    };
    try {
      const el = await renderReady(consultation.id);
      await join(el);
      const doctor = await TestPeer.join(doctorToken, consultation.id);
      await waitUntil(() => part(el, 'play-button'), 'no tap-to-play button', { timeout: 15_000 });
      expect(part(el, 'play-button')!.textContent!.trim()).to.equal(t.tapToPlay);
      expect(remoteVideo(el)!.paused).to.equal(true);
      part<HTMLButtonElement>(el, 'play-button')!.click();
      await waitUntil(() => !part(el, 'play-button'), 'the button stayed');
      await waitForRemoteVideo(el, 'the doctor is not seen after the tap');
      doctor.leave();
    } finally {
      HTMLMediaElement.prototype.play = play;
    }
  });

  it('joins without video when asked: the camera track is off and the doctor is told by black frames', async function () {
    this.timeout(60_000);
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);
    const audioOnly = part<HTMLInputElement>(el, 'audio-only-checkbox')!;
    audioOnly.click();
    expect(audioOnly.checked).to.equal(true);
    await join(el);
    const camera = part<HTMLButtonElement>(el, 'camera-button')!;
    expect(camera.getAttribute('aria-pressed')).to.equal('false');
    expect(camera.textContent!.trim()).to.equal(t.camera);
    const local = part<HTMLVideoElement>(el, 'local-video')!.srcObject as MediaStream;
    expect(local.getVideoTracks()[0]!.enabled).to.equal(false);
    expect(shadow(el).querySelector('.self-off')!.textContent).to.equal(t.cameraIsOff);
    camera.click();
    await el.updateComplete;
    expect(local.getVideoTracks()[0]!.enabled).to.equal(true);
    part<HTMLButtonElement>(el, 'leave-button')!.click();
  });

  it('is replaced when the same person joins from elsewhere', async function () {
    this.timeout(60_000);
    const { auth, patient, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);
    await join(el);
    // The same patient signs in on another device and joins there.
    const elsewhere = await TestPeer.join((await signInViaApi({ phone: patient.phone, password: patient.password })).token, consultation.id);
    await waitUntil(() => part(el, 'after-call'), 'not replaced', { timeout: 10_000 });
    expect(part(el, 'after-call')!.textContent).to.contain(t.replacedTitle);
    expect(part(el, 'rejoin-button')!.textContent!.trim()).to.equal(t.joinHere);
    elsewhere.leave();
  });
});
