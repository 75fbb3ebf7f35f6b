// Issue 11, reflow: the bell in a header and its open panel at 320 px and at a 360-px phone's
// 200 % zoom (180 CSS px): the bell's word whole, the panel inside the screen.
import { setViewport } from '@web/test-runner-commands';
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { bookAs, cancelAs, dutyConsultation } from '../../../test/chat.ts';
import { query, shadow } from '../../../test/dom.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import '../../index.ts';
import type { OzNotifications } from './oz-notifications.ts';

/** A narrow site header with the bell at its end, as the sample pages place it. */
async function inHeader(): Promise<{ header: HTMLElement; el: OzNotifications }> {
  const header = await fixture<HTMLElement>(
    html`<div style="display: flex; justify-content: flex-end; background: #0b4f8a; color: #fff"><oz-notifications></oz-notifications></div>`,
  );
  return { header, el: header.firstElementChild as OzNotifications };
}

async function openPanel(el: OzNotifications): Promise<void> {
  query<HTMLButtonElement>(el, 'button[part~="bell"]').click();
  await waitUntil(() => !query(el, '[part="panel"]').hidden, 'the panel did not open');
}

describe('<oz-notifications> reflow', () => {
  before(useTestApi);
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await forgetSession();
  });

  for (const width of REFLOW_WIDTHS) {
    it(`fits the signed-out bell and its panel in a ${width}-px screen`, async () => {
      await setViewport({ width, height: 640 });
      const { header, el } = await inHeader();
      await waitUntil(() => shadow(el).querySelector('button[part~="bell"]'), 'no bell');
      await expectReflows(el, { width, fillsWidth: false, within: header });
      await openPanel(el);
      await expectReflows(el, { width, fillsWidth: false, within: header });
    });

    it(`fits a signed-in panel with notifications in a ${width}-px screen`, async () => {
      await setViewport({ width, height: 640 });
      const { patient, doctor, consultation, slot } = await dutyConsultation();
      await cancelAs(doctor.token, consultation.id);
      await cancelAs(doctor.token, (await bookAs(patient.token, slot.id)).id);
      signInPage(patient);
      const { header, el } = await inHeader();
      await waitUntil(() => shadow(el).querySelector('[part~="badge"]'), 'the bell did not load');
      await openPanel(el);
      await waitUntil(() => shadow(el).querySelectorAll('li[part~="item"]').length >= 2, 'no notifications');
      await expectReflows(el, { width, fillsWidth: false, within: header });
    });
  }
});
