// Issue 11, reflow: the application form at 320 px and at a 360-px phone's 200 % zoom (180 CSS px):
// the centers' long names, the profile and the document checklist.
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { newPatientAuth } from '../../../test/api.ts';
import { pdfFile, uploadViaApi } from '../../../test/documents.ts';
import { shadow } from '../../../test/dom.ts';
import { showPhoneControls } from '../../../test/phone.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import { OzApply } from './oz-apply.ts';

OzApply.define('oz-apply');

async function render(center?: string): Promise<OzApply> {
  const wrapper = await fixture(center ? html`<div><oz-apply center=${center}></oz-apply></div>` : html`<div><oz-apply></oz-apply></div>`);
  return wrapper.firstElementChild as OzApply;
}

describe('<oz-apply> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render();
    await el.updateComplete;
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits the choice of center at 320 and 180 px', async () => {
    signInPage(await newPatientAuth());
    const el = await render();
    await waitUntil(() => shadow(el).querySelector('form'), 'the form did not appear');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits the Bakulev form with its profile and document checklist at 320 and 180 px', async () => {
    const auth = await newPatientAuth();
    await uploadViaApi(auth.token, 'ecg', pdfFile('ЭКГ_от_12.03.2026_кардиологическое_отделение.pdf'));
    signInPage(auth);
    const el = await render('bakulev');
    await waitUntil(() => shadow(el).querySelector('ul.kind-rows'), 'the checklist did not appear');
    showPhoneControls(el);
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
