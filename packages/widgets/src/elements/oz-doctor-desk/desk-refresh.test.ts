import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { callApi, signInViaApi, testApi } from '../../../test/api.ts';
import { DEMO, applyTo, futureSlot, scheduleThroughApi } from '../../../test/doctor-desk.ts';
import { shadow } from '../../../test/dom.ts';
import { useTestApi } from '../../../test/session.ts';
import { OzNotifications } from '../oz-notifications/oz-notifications.ts';
import { session } from '../../session/session.ts';
import { liveNotifications } from '../../internal/live-notifications.ts';
import { OzDoctorDesk } from './oz-doctor-desk.ts';

OzDoctorDesk.define('oz-doctor-desk');
OzNotifications.define('oz-notifications');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the GET requests of the page to each of `paths` (without the query) until `restore`. */
function countGets(...paths: string[]) {
  const original = window.fetch;
  const counts = Object.fromEntries(paths.map((path) => [path, 0]));
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.split('?')[0]!.replace(`${testApi}/api/v1`, '');
    if ((init?.method ?? 'GET') === 'GET' && path in counts) counts[path]! += 1;
    return original(input, init);
  };
  return { counts, restore: () => (window.fetch = original) };
}

describe('<oz-doctor-desk> live refresh', () => {
  beforeEach(useTestApi);

  it('reloads its lists once per notification, also with <oz-notifications> on the page', async () => {
    const { application, auth: patient } = await applyTo('bakulev');
    const auth = await signInViaApi(DEMO.bakulev);
    const consultation = await scheduleThroughApi(auth.token, application.id, futureSlot().iso);
    session.adopt(auth, testApi);
    const page = await fixture<HTMLDivElement>(
      html`<div><oz-notifications></oz-notifications><oz-doctor-desk page-size="200"></oz-doctor-desk></div>`,
    );
    const el = page.querySelector('oz-doctor-desk')!;
    await waitUntil(() => shadow(el).querySelector('[part~="summary"]'), 'the queue did not load');
    await waitUntil(() => liveNotifications(testApi).status === 'open', 'the live stream did not open');

    let heard = 0;
    const onNotification = () => (heard += 1);
    document.addEventListener('oz-notification', onNotification);
    const requests = countGets('/applications', '/consultations');
    try {
      // The patient cancels: the doctor is notified live, which both the bell and the desk hear.
      await callApi('POST', `/consultations/${consultation.id}/cancel`, { token: patient.token, body: {} });
      await waitUntil(() => heard === 1 && requests.counts['/applications']! > 0, 'the notification did not refresh the desk');
      // Give a second refresh (the bell's oz-notification) time to start.
      await pause(500);
      expect(heard, 'one notification').to.equal(1);
      expect(requests.counts['/applications'], 'the queue was read once').to.equal(1);
      expect(requests.counts['/consultations'], 'the consultations were read once').to.equal(1);
    } finally {
      requests.restore();
      document.removeEventListener('oz-notification', onNotification);
    }
  });
});
