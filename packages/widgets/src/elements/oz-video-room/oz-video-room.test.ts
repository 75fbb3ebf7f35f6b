import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { registerPatient, stubApi, testApi } from '../../../test/api.ts';
import { scheduleAsDoctor } from '../../../test/consultations.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { consultationStartingSoon, interceptFetch, isPlaying } from '../../../test/video.ts';
import { applyToBakulev } from '../../../test/consultations.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import type { OzVideoRoom } from './oz-video-room.ts';

const t = ru.videoRoom;
const part = <T extends Element = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part~="${name}"]`);

/** Renders the room for a signed-in user and waits until the camera and microphone are on. */
async function renderReady(consultationId: string, lang = 'ru') {
  const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation=${consultationId} lang=${lang}></oz-video-room>`);
  await waitUntil(() => part<HTMLSelectElement>(el, 'camera-select'), 'the devices were not listed', { timeout: 10_000 });
  return el;
}

async function waitForVerdict(el: Element) {
  await waitUntil(() => part(el, 'verdict'), 'no connection test result', { timeout: 15_000 });
  return part(el, 'verdict')!.textContent!.trim();
}

describe('<oz-video-room> before joining', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('asks a signed-out visitor to sign in, without downloading the video code', async () => {
    const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation="c-1"></oz-video-room>`);
    expect(query(el, '[part="sign-in-prompt"]').textContent).to.equal(t.signInPrompt);
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((name) => name.includes('/video/') || name.includes('room-parts'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says when the consultation is not found, and tries again on request', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const answer = stubApi('GET', '/consultations/c-missing', 404, { error: { code: 'not_found', message: 'Not found' } });
    try {
      const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation="c-missing"></oz-video-room>`);
      await waitUntil(() => part(el, 'load-error'), 'no word about the consultation');
      const problem = part(el, 'load-error')!.querySelector('[part~="error"]')!;
      expect(problem.textContent).to.equal(t.notFound);
      expect(problem.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await waitUntil(() => answer.calls.length === 2, 'the retry asked nothing');
    } finally {
      answer.restore();
    }
  });

  it('shows the camera, a moving level meter, the devices and the connection test result', async function () {
    this.timeout(40_000);
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);

    // The preview plays the (fake) camera, as in a mirror.
    const preview = part<HTMLVideoElement>(el, 'local-video')!;
    await waitUntil(() => preview.videoWidth > 0, 'the preview shows nothing', { timeout: 5000 });
    expect(await isPlaying(preview)).to.equal(true);

    // The fake microphone beeps: the meter moves between silence and sound.
    const meter = part<HTMLMeterElement>(el, 'level-meter')!;
    const levels: number[] = [];
    for (let i = 0; i < 30; i++) {
      levels.push(meter.value);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Math.max(...levels), `levels ${levels.join(',')}`).to.be.greaterThan(0.01);
    expect(new Set(levels.map((level) => level.toFixed(3))).size).to.be.greaterThan(3);

    // Devices by name, the chosen one selected.
    const cameras = [...part<HTMLSelectElement>(el, 'camera-select')!.options];
    const microphones = [...part<HTMLSelectElement>(el, 'microphone-select')!.options];
    expect(cameras.length).to.be.greaterThan(0);
    expect(microphones.length).to.be.greaterThan(0);
    expect(cameras.every((option) => option.textContent!.trim().length > 0)).to.equal(true);
    expect(part<HTMLSelectElement>(el, 'camera-select')!.value).to.equal(
      (preview.srcObject as MediaStream).getVideoTracks()[0]!.getSettings().deviceId,
    );

    // On loopback the connection is plenty for video; both directions are reported.
    expect(await waitForVerdict(el)).to.equal(t.connectionVideo);
    expect(part(el, 'speeds')!.textContent).to.match(/^Приём: (больше )?[\d,]+ Мбит\/с\. Отправка: (больше )?[\d,]+ Мбит\/с\.$/);
    expect(part<HTMLInputElement>(el, 'audio-only-checkbox')!.checked).to.equal(false);
    expect(part<HTMLButtonElement>(el, 'join-button')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('suggests joining without video when the connection is below 2 Mbit/s', async function () {
    this.timeout(40_000);
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    // About 1.6 Mbit/s both ways: half a megabyte in 2.5 seconds.
    const restore = interceptFetch((url, init) => {
      if (!url.includes('/video/speedtest') || url.includes('bytes=1&') || url.endsWith('bytes=1')) return undefined;
      if (init?.method === 'POST') {
        return new Promise((resolve) => setTimeout(() => resolve(Response.json({ receivedBytes: 524_288, ms: 2500 })), 2500));
      }
      return Promise.resolve(new Response(slowBody(524_288, 2500)));
    });
    try {
      const el = await renderReady(consultation.id);
      expect(await waitForVerdict(el)).to.equal(t.connectionAudio);
      // The rate is measured with real timers, which stretch on a busy machine: any figure below 2 Mbit/s.
      expect(part(el, 'speeds')!.textContent).to.match(/Приём: (1(,\d)? Мбит|\d+ кбит)\/с/);
      expect(part<HTMLInputElement>(el, 'audio-only-checkbox')!.checked, 'sound only is suggested').to.equal(true);
    } finally {
      restore();
    }
  });

  it('explains how to allow the camera and microphone in Chrome when access is refused', async () => {
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation=${consultation.id}></oz-video-room>`);
      await waitUntil(() => part(el, 'media-problem'), 'no explanation', { timeout: 10_000 });
      const problem = part(el, 'media-problem')!;
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(problem.textContent).to.contain(t.problems.denied);
      expect(problem.textContent).to.contain(t.onComputer);
      expect(problem.textContent).to.contain(t.onPhone);
      expect(problem.textContent).to.contain(t.phoneSteps[1]);
      expect(part<HTMLButtonElement>(el, 'join-button')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();

      // Allowed now: "Проверить снова" turns the camera on without reloading the page.
      devices.getUserMedia = original;
      part<HTMLButtonElement>(el, 'retry-devices-button')!.click();
      await waitUntil(() => part<HTMLVideoElement>(el, 'local-video')?.videoWidth, 'no preview after allowing', { timeout: 10_000 });
      expect(part(el, 'media-problem')).to.equal(null);
    } finally {
      devices.getUserMedia = original;
    }
  });

  it('says so when there is no camera or microphone at all', async () => {
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    try {
      const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation=${consultation.id}></oz-video-room>`);
      await waitUntil(() => part(el, 'media-problem'), 'no explanation', { timeout: 10_000 });
      expect(part(el, 'media-problem')!.textContent).to.contain(t.problems['not-found']);
      expect(part(el, 'media-problem')!.textContent).to.contain(t.notFoundHelp);
    } finally {
      devices.getUserMedia = original;
    }
  });

  it('tells when the room opens, in local time, when joining too early', async function () {
    this.timeout(30_000);
    const { auth } = await registerPatient();
    const application = await applyToBakulev(auth.token);
    const consultation = await scheduleAsDoctor(application.id);
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);
    part<HTMLButtonElement>(el, 'join-button')!.click();
    await waitUntil(() => part(el, 'join-error')?.textContent?.trim(), 'no message', { timeout: 10_000 });

    const opensAt = new Date(Date.parse(consultation.startsAt) - 15 * 60_000);
    const time = new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit' }).format(opensAt);
    const day = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long' }).format(opensAt);
    expect(part(el, 'join-error')!.textContent!.trim()).to.equal(t.roomOpensAt(`${day} в ${time}`));
    expect(part(el, 'join-error')!.getAttribute('role')).to.equal('alert');
    // Still on the check: the camera stays on for trying things out.
    expect(part(el, 'pre-join')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id, 'en');
    expect(text(el)).to.contain(en.videoRoom.checkTitle);
    expect(text(el)).to.contain(en.videoRoom.withDoctor(consultation.doctorName));
    expect(part(el, 'join-button')!.textContent!.trim()).to.equal(en.videoRoom.join);
    expect(shadow(el).querySelector('label[for="level-meter"]')!.textContent).to.equal(en.videoRoom.level);
    await expect(el).to.be.accessible();
  });

  it('turns the camera and microphone off and asks to sign in when the person signs out', async () => {
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);
    const stream = part<HTMLVideoElement>(el, 'local-video')!.srcObject as MediaStream;
    session.clear();
    await waitUntil(() => part(el, 'sign-in-prompt'), 'no sign-in prompt');
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });

  it('turns the camera and microphone off when the element is removed', async () => {
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await renderReady(consultation.id);
    const stream = part<HTMLVideoElement>(el, 'local-video')!.srcObject as MediaStream;
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['live', 'live']);
    el.remove();
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });
});

/** A response body that trickles `bytes` over `ms` milliseconds, like a slow link. */
function slowBody(bytes: number, ms: number): ReadableStream<Uint8Array> {
  const chunks = 20;
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, ms / chunks));
      controller.enqueue(new Uint8Array(bytes / chunks));
      sent += 1;
      if (sent === chunks) controller.close();
    },
  });
}
