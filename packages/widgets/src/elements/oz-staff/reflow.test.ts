// Reflow (WCAG 1.4.10): the manager's staff list at 320 px and at a 360-px phone's 200 % zoom (180 CSS px),
// and the table just above the width where it turns into cards.
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { signInViaApi } from '../../../test/api.ts';
import { shadow } from '../../../test/dom.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import { MANAGER, doctorWithConsultation } from '../../../test/staff.ts';
import { OzStaff } from './oz-staff.ts';

OzStaff.define('oz-staff');

async function render(): Promise<OzStaff> {
  const wrapper = await fixture(html`<div><oz-staff></oz-staff></div>`);
  const el = wrapper.firstElementChild as OzStaff;
  await el.updateComplete;
  return el;
}

describe('<oz-staff> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render();
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits the list as cards, the add form with its errors and the consultations of a disabled doctor at 320 and 180 px', async () => {
    const manager = await signInViaApi(MANAGER);
    const { staff } = await doctorWithConsultation(manager);
    signInPage(manager);
    const el = await render();
    await waitUntil(() => shadow(el).querySelector(`tr[data-staff-id="${staff.id}"]`), 'the staff list did not show');
    await waitUntil(() => shadow(el).querySelector('#add-center-bakulev'), 'the centers did not load');

    shadow(el).querySelector<HTMLButtonElement>('button[part~="add-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('#add-phone-error'), 'no word about the empty fields');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });

    // Just wider than the cards' breakpoint (56em of 18 px) the table is at its tightest: seven columns, three buttons.
    await expectReflows(el, { width: 1010 });

    shadow(el).querySelector<HTMLButtonElement>(`tr[data-staff-id="${staff.id}"] button[part~="disable-button"]`)!.click();
    await waitUntil(() => shadow(el).querySelector<HTMLDialogElement>('dialog[part~="disable-dialog"]')?.open, 'no confirmation');
    shadow(el).querySelector<HTMLButtonElement>('button[part~="confirm-disable-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('[part~="handover-row"]'), 'the open consultations are not shown');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
