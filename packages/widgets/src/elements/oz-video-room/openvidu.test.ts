import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { testApi } from '../../../test/api.ts';
import { shadow } from '../../../test/dom.ts';
import { consultationStartingSoon, interceptFetch } from '../../../test/video.ts';
import { forgetSession } from '../../../test/session.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import type { OzVideoRoom } from './oz-video-room.ts';

const part = <T extends Element = HTMLElement>(el: Element, name: string) => shadow(el).querySelector<T>(`[part~="${name}"]`);
const loadedResources = () => performance.getEntriesByType('resource').map((entry) => entry.name);

/**
 * No OpenVidu server can run here (it needs Docker and Kurento), so the API's answer is replaced
 * by an OpenVidu one whose server does not exist: this proves the lazy load of openvidu-browser,
 * the token handed to session.connect, our ICE servers, and the error the person then sees.
 */
describe('<oz-video-room> in an OpenVidu room', () => {
  before(() => {
    configure({ api: testApi, lang: 'ru' });
    // The test finds openvidu-browser among the page's loaded files; the browser keeps only 250 by default.
    performance.setResourceTimingBufferSize(1000);
  });

  beforeEach(forgetSession);

  it('loads openvidu-browser only then, connects with the token, and says clearly that the video server is unreachable', async function () {
    this.timeout(60_000);
    const { auth, consultation } = await consultationStartingSoon();
    session.adopt(auth, testApi);
    const token = `wss://127.0.0.1:9?sessionId=oz-${consultation.id}&token=tok_TEST`;
    const iceServers = [{ urls: 'turn:turn.example.ru:3478', username: 'oz', credential: 'secret' }];
    const restore = interceptFetch((url, init) =>
      init?.method === 'POST' && url.endsWith(`/consultations/${consultation.id}/video`)
        ? Promise.resolve(Response.json({ provider: 'openvidu', token, role: 'patient', iceServers }))
        : undefined,
    );
    try {
      const el = await fixture<OzVideoRoom>(html`<oz-video-room consultation=${consultation.id}></oz-video-room>`);
      await waitUntil(() => part(el, 'verdict'), 'the check did not finish', { timeout: 15_000 });
      expect(loadedResources().some((name) => name.includes('openvidu-browser')), 'loaded before an OpenVidu room').to.equal(false);

      part<HTMLButtonElement>(el, 'join-button')!.click();
      await waitUntil(() => loadedResources().some((name) => name.includes('openvidu-browser')), 'openvidu-browser was not loaded', { timeout: 30_000 });
      // The element's import resolves to the same module instance as this one.
      const { OpenVidu, Session } = await import('openvidu-browser');
      const connect = spyOn(Session.prototype, 'connect');
      const configureIce = spyOn(OpenVidu.prototype, 'setAdvancedConfiguration');

      await waitUntil(() => part(el, 'join-error')?.textContent?.trim(), 'no error shown', { timeout: 30_000 });
      expect(part(el, 'join-error')!.textContent!.trim()).to.equal(ru.errors.video_unavailable);
      expect(part(el, 'join-error')!.getAttribute('role')).to.equal('alert');
      // Still on the check, ready to try again.
      expect(part<HTMLButtonElement>(el, 'join-button')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();

      // Spies set after the first attempt had started: a second attempt shows what is passed.
      connect.calls.length = 0;
      part<HTMLButtonElement>(el, 'join-button')!.click();
      await waitUntil(() => connect.calls.length > 0, 'session.connect was not called', { timeout: 10_000 });
      expect(connect.calls[0]![0]).to.equal(token);
      expect(configureIce.calls.at(-1)![0]).to.deep.equal({ iceServers });
      await waitUntil(() => part(el, 'join-error')?.textContent?.trim() === ru.errors.video_unavailable, 'no error the second time', {
        timeout: 30_000,
      });
      connect.restore();
      configureIce.restore();
    } finally {
      restore();
    }
  });

  it('works with the fake devices: new OpenVidu() passes its system check and lists them', async () => {
    const { OpenVidu } = await import('openvidu-browser');
    const openvidu = new OpenVidu();
    openvidu.enableProdMode();
    expect(openvidu.checkSystemRequirements()).to.equal(true);
    const devices = await openvidu.getDevices();
    expect(devices.some((device) => device.kind === 'videoinput')).to.equal(true);
    expect(devices.some((device) => device.kind === 'audioinput')).to.equal(true);
  });
});

/** Records the calls of a prototype method and still runs it. */
function spyOn<T extends object, K extends keyof T>(target: T, name: K) {
  const original = target[name] as (...args: unknown[]) => unknown;
  const calls: unknown[][] = [];
  target[name] = function (this: unknown, ...args: unknown[]) {
    calls.push(args);
    return original.apply(this, args);
  } as T[K];
  return { calls, restore: () => (target[name] = original as T[K]) };
}
