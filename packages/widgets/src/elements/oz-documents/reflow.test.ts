// Issue 11, reflow: the documents at 320 px and at a 360-px phone's 200 % zoom (180 CSS px).
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { newPatientAuth } from '../../../test/api.ts';
import { bakulevDoctorAuth, openDocumentAs } from '../../../test/audit.ts';
import { applyToBakulevViaApi, pdfFile, uploadViaApi } from '../../../test/documents.ts';
import { shadow } from '../../../test/dom.ts';
import { showPhoneControls } from '../../../test/phone.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import { OzDocuments } from './oz-documents.ts';

OzDocuments.define('oz-documents');

async function render(): Promise<OzDocuments> {
  const wrapper = await fixture(html`<div><oz-documents></oz-documents></div>`);
  return wrapper.firstElementChild as OzDocuments;
}

describe('<oz-documents> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render();
    await el.updateComplete;
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits the upload form and a list with a long file name at 320 and 180 px', async () => {
    const auth = await newPatientAuth();
    await uploadViaApi(auth.token, 'discharge_summary', pdfFile('Выписка_из_истории_болезни_кардиологического_отделения_2026.pdf'));
    await uploadViaApi(auth.token, 'ecg', pdfFile('экг.pdf'));
    signInPage(auth);
    const el = await render();
    await waitUntil(() => shadow(el).querySelectorAll('.document').length === 2, 'the documents did not load');
    showPhoneControls(el);
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits «Кто смотрел мои документы», open, with a long file name, at 320 and 180 px', async () => {
    const auth = await newPatientAuth();
    await applyToBakulevViaApi(auth.token);
    const long = await uploadViaApi(auth.token, 'discharge_summary', pdfFile('Выписка_из_истории_болезни_кардиологического_отделения_2026.pdf'));
    await openDocumentAs((await bakulevDoctorAuth()).token, long.id);
    signInPage(auth);
    const el = await render();
    await waitUntil(() => shadow(el).querySelectorAll('.document').length === 4, 'the documents did not load');
    shadow(el).querySelector<HTMLButtonElement>('button[part~="who-looked-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('[part~="who-looked-entry"]'), 'who looked did not load');
    showPhoneControls(el);
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
