// Issue 11, reflow: the manager's referral import at 320 px and at a 360-px phone's 200 % zoom
// (180 CSS px): the column help, and a preview with good rows and rows with several problems.
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { signInViaApi } from '../../../test/api.ts';
import { chooseFiles } from '../../../test/documents.ts';
import { query } from '../../../test/dom.ts';
import { MANAGER, referralFile, referralRow } from '../../../test/referrals.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import { OzReferralImport } from './oz-referral-import.ts';

OzReferralImport.define('oz-referral-import');

async function render(): Promise<OzReferralImport> {
  const wrapper = await fixture(html`<div><oz-referral-import></oz-referral-import></div>`);
  const el = wrapper.firstElementChild as OzReferralImport;
  await el.updateComplete;
  return el;
}

describe('<oz-referral-import> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render();
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits the column help and the file choice at 320 and 180 px', async () => {
    signInPage(await signInViaApi(MANAGER));
    const el = await render();
    await waitUntil(() => el.shadowRoot!.querySelector('input[type="file"]'), 'no file input');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits a preview with good rows and rows with several problems at 320 and 180 px', async () => {
    signInPage(await signInViaApi(MANAGER));
    const el = await render();
    const rows = [
      referralRow(),
      referralRow({ 'Дата рождения': '31.02.1950', Телефон: '12-34', Центр: 'Склифосовского', Диагноз: '' }),
      referralRow({ 'Медицинская организация': 'ГБУЗ ЛО «Приозерская межрайонная больница», поликлиническое отделение' }),
    ];
    chooseFiles(query<HTMLInputElement>(el, 'input[type="file"]'), referralFile(rows, 'направления_за_март_2026.csv'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="preview"]'), 'no preview', { timeout: 15_000 });
    await el.updateComplete;
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
