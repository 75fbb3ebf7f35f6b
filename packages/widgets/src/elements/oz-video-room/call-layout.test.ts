import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { callApi, testApi } from '../../../test/api.ts';
import { shadow } from '../../../test/dom.ts';
import { consultationStartingSoon, interceptFetch, TestPeer } from '../../../test/video.ts';
import { forgetSession } from '../../../test/session.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import type { OzVideoRoom } from './oz-video-room.ts';

/**
 * Where the room sits on real screens: the call over the whole screen on a phone (a 360-px room),
 * in the page and within the window on a desktop, nothing wider than the room at 180 and 320 px,
 * no word broken; and the patient's room once the doctor has ended the call.
 */

const t = ru.videoRoom;
const part = <T extends Element = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part~="${name}"]`);
const parts = (el: Element, name: string) => [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

async function roomIn(width: string, consultationId: string): Promise<OzVideoRoom> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width:${width}"><oz-video-room consultation=${consultationId}></oz-video-room></div>`);
  const el = wrapper.querySelector('oz-video-room')!;
  await waitUntil(() => part(el, 'verdict'), 'the check did not finish', { timeout: 15_000 });
  return el;
}

async function join(el: OzVideoRoom): Promise<void> {
  const joined = oneEvent(el, 'oz-call-joined');
  part<HTMLButtonElement>(el, 'join-button')!.click();
  await joined;
  await waitUntil(() => part(el, 'call'), 'no call view');
  await el.updateComplete;
}

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

function withinViewport(box: DOMRect): boolean {
  return box.left >= -0.5 && box.top >= -0.5 && box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight + 0.5;
}

/** Everything the room shows lies within its own box: nothing makes the page scroll sideways. */
function overflowing(el: Element, frame: DOMRect): string[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('*')]
    .filter((node) => node.getClientRects().length > 0 && !(node instanceof SVGElement) && node.localName !== 'style')
    .filter((node) => node.getBoundingClientRect().right > frame.right + 0.5 || node.getBoundingClientRect().left < frame.left - 0.5)
    .map((node) => `${node.localName}.${node.className} ${Math.round(node.getBoundingClientRect().right)} > ${Math.round(frame.right)}`);
}

/** Words laid out over two lines (a break inside a word) in the room's visible text. */
function brokenWords(el: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('style, option, select, [hidden]') || parent.getClientRects().length === 0) continue;
    // A compound («Онлайн-консультация») may break after its hyphen; a word may not break inside.
    for (const match of node.textContent!.matchAll(/[^\s-]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}

describe('<oz-video-room> on phones and desktops', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('covers the screen in a 360-px room: the doctor large, oneself small, the buttons in view; Escape stays, Tab stays inside', async function () {
    this.timeout(60_000);
    await setViewport({ width: 1000, height: 800 });
    const root = document.documentElement;
    root.style.overflow = 'auto';
    try {
      const { auth, consultation, doctorToken } = await consultationStartingSoon();
      session.adopt(auth, testApi);
      const el = await roomIn('360px', consultation.id);
      await join(el);
      const doctor = await TestPeer.join(doctorToken, consultation.id);
      await waitUntil(() => part<HTMLVideoElement>(el, 'remote-video')?.videoWidth, 'the doctor is not seen', { timeout: 15_000 });

      const call = part(el, 'call')!;
      expect(call.classList.contains('overlay')).to.equal(true);
      expect(call.matches(':popover-open'), 'in the top layer').to.equal(true);
      expect(getComputedStyle(call).position).to.equal('fixed');
      const box = call.getBoundingClientRect();
      expect({ left: box.left, top: box.top, width: box.width, height: box.height }).to.deep.equal({ left: 0, top: 0, ...viewport() });
      expect(call.getAttribute('role')).to.equal('dialog');

      const remote = part(el, 'remote-video')!.getBoundingClientRect();
      const local = part(el, 'local-video')!.getBoundingClientRect();
      expect(remote.width, 'the doctor spans the screen').to.equal(window.innerWidth);
      expect(remote.height).to.be.greaterThan(window.innerHeight / 2);
      expect(local.width * local.height).to.be.lessThan((remote.width * remote.height) / 8);
      expect(withinViewport(local)).to.equal(true);

      const controls = parts(el, 'controls')[0]!.querySelectorAll<HTMLButtonElement>('button');
      expect([...controls].map((button) => button.textContent!.trim())).to.deep.equal([t.microphone, t.camera, t.leaveShort]);
      for (const button of controls) {
        const rect = button.getBoundingClientRect();
        expect(withinViewport(rect), `${button.textContent} in view`).to.equal(true);
        expect(Math.min(rect.width, rect.height), `${button.textContent} big enough`).to.be.at.least(44);
      }
      expect(part(el, 'leave-button')!.getAttribute('aria-label')).to.equal(t.leave);
      expect(brokenWords(el)).to.deep.equal([]);
      expect(root.style.overflow, 'the page under the call does not scroll').to.equal('hidden');
      await expect(el).to.be.accessible();

      // Escape does not leave; Tab goes round the call's buttons only.
      let left = false;
      el.addEventListener('oz-call-left', () => (left = true));
      part<HTMLButtonElement>(el, 'leave-button')!.focus();
      await sendKeys({ press: 'Escape' });
      expect(left).to.equal(false);
      expect(part(el, 'call')).to.equal(call);
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(part(el, 'microphone-button'));
      await sendKeys({ press: 'Shift+Tab' });
      expect(shadow(el).activeElement).to.equal(part(el, 'leave-button'));

      // Leaving gives the page its scrolling back, exactly as it was.
      part<HTMLButtonElement>(el, 'leave-button')!.click();
      await waitUntil(() => part(el, 'after-call'), 'no after-call view');
      expect(root.style.overflow).to.equal('auto');
      doctor.leave();
    } finally {
      root.style.removeProperty('overflow');
    }
  });

  it('stays in the page in a 1000-px room, the call and its buttons within a 1280 × 900 window', async function () {
    this.timeout(60_000);
    await setViewport({ width: 1280, height: 900 });
    const { auth, consultation, doctorToken } = await consultationStartingSoon();
    const doctorUser = await callApi('GET', '/me', { token: doctorToken });
    session.adopt({ token: doctorToken, user: doctorUser.body as never }, testApi);
    const el = await roomIn('1000px', consultation.id);
    await join(el);
    const patient = await TestPeer.join(auth.token, consultation.id);
    await waitUntil(() => part<HTMLVideoElement>(el, 'remote-video')?.videoWidth, 'the patient is not seen', { timeout: 15_000 });

    const call = part(el, 'call')!;
    expect(call.classList.contains('overlay')).to.equal(false);
    expect(call.hasAttribute('popover')).to.equal(false);
    expect(getComputedStyle(call).position).to.equal('static');
    expect(document.documentElement.style.overflow).to.equal('');
    expect(withinViewport(part(el, 'remote-video')!.getBoundingClientRect())).to.equal(true);
    for (const name of ['microphone-button', 'camera-button', 'leave-button', 'end-button']) {
      expect(withinViewport(part(el, name)!.getBoundingClientRect()), `${name} in view`).to.equal(true);
    }
    expect(part(el, 'end-button')!.textContent!.trim()).to.equal(t.endShort);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'leave-button')!.click();
    patient.leave();
  });

  for (const width of [180, 320]) {
    it(`fits ${width} px: nothing wider than the room and no word broken, before joining and in the call`, async function () {
      this.timeout(60_000);
      await setViewport({ width, height: width * 2 });
      const { auth, consultation } = await consultationStartingSoon();
      session.adopt(auth, testApi);
      const el = await roomIn('100%', consultation.id);
      const frame = el.getBoundingClientRect();
      expect(overflowing(el, frame)).to.deep.equal([]);
      expect(brokenWords(el)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      // The empty error bar takes no room.
      expect(part(el, 'join-error')!.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();

      await join(el);
      expect(part(el, 'call')!.matches(':popover-open')).to.equal(true);
      for (const button of parts(el, 'controls')[0]!.querySelectorAll('button')) {
        expect(withinViewport(button.getBoundingClientRect()), `${button.textContent} in view`).to.equal(true);
      }
      expect(overflowing(el, new DOMRect(0, 0, width, width * 2))).to.deep.equal([]);
      expect(brokenWords(el)).to.deep.equal([]);
      part<HTMLButtonElement>(el, 'leave-button')!.click();
      await waitUntil(() => part(el, 'after-call'), 'no after-call view');
    });
  }
});

describe('<oz-video-room> after the doctor ends the call', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it("tells the patient waiting on the check, live, and offers no join", async function () {
    this.timeout(60_000);
    const { auth, consultation, doctorToken } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const el = await roomIn('100%', consultation.id);
    const stream = part<HTMLVideoElement>(el, 'local-video')!.srcObject as MediaStream;
    const doctor = await TestPeer.join(doctorToken, consultation.id);
    expect((await callApi('POST', `/consultations/${consultation.id}/video/end`, { token: doctorToken })).status).to.equal(204);
    await waitUntil(() => part(el, 'call-ended'), 'the room did not hear of the end', { timeout: 15_000 });
    expect(part(el, 'call-ended')!.textContent!.trim()).to.equal(ru.domain.callEnded);
    expect(part(el, 'join-button')).to.equal(null);
    expect(stream.getTracks().every((track) => track.readyState === 'ended'), 'camera and microphone off').to.equal(true);
    await expect(el).to.be.accessible();
    doctor.leave();
  });

  it('shows a join answered 409 call_ended as the same sentence, without a join button', async function () {
    this.timeout(60_000);
    const { auth, consultation, doctorToken } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    // The room knows the consultation as it was before the end (a page opened earlier) until it
    // asks to join: the live word of the end must not spare it the server's answer.
    const before = (await callApi('GET', `/consultations/${consultation.id}`, { token: auth.token })).body;
    const path = `${testApi}/api/v1/consultations/${consultation.id}`;
    let joinAsked = false;
    const restore = interceptFetch((url, init) => {
      const method = init?.method ?? 'GET';
      if (method === 'POST' && url === `${path}/video`) joinAsked = true;
      if (!joinAsked && method === 'GET' && url.split('?')[0] === path) return Promise.resolve(Response.json(before));
      return undefined;
    });
    try {
      const el = await roomIn('100%', consultation.id);
      expect((await callApi('POST', `/consultations/${consultation.id}/video/end`, { token: doctorToken })).status).to.equal(204);
      part<HTMLButtonElement>(el, 'join-button')!.click();
      await waitUntil(() => joinAsked, 'no join asked');
      await waitUntil(() => part(el, 'call-ended'), 'the room did not say so', { timeout: 10_000 });
      expect(part(el, 'call-ended')!.textContent!.trim()).to.equal(ru.domain.callEnded);
      expect(part(el, 'join-button')).to.equal(null);
      expect(part(el, 'call')).to.equal(null);
    } finally {
      restore();
    }
  });
});
