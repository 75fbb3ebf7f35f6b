// Issue 11, reflow: the manager's access log at 320 px and at a 360-px phone's 200 % zoom (180 CSS px).
import { fixture, html, waitUntil } from '../../../test/testing.ts';
import { registerPatient, signInViaApi } from '../../../test/api.ts';
import { MANAGER, bakulevDoctorAuth, openDocumentAs } from '../../../test/audit.ts';
import { applyToBakulevViaApi } from '../../../test/documents.ts';
import { query, shadow } from '../../../test/dom.ts';
import { REFLOW_WIDTHS, expectReflows } from '../../../test/reflow.ts';
import { forgetSession, signInPage, useTestApi } from '../../../test/session.ts';
import { OzAuditTrail } from './oz-audit-trail.ts';

OzAuditTrail.define('oz-audit-trail');

async function render(): Promise<OzAuditTrail> {
  const wrapper = await fixture(html`<div><oz-audit-trail></oz-audit-trail></div>`);
  const el = wrapper.firstElementChild as OzAuditTrail;
  await el.updateComplete;
  return el;
}

describe('<oz-audit-trail> reflow', () => {
  before(useTestApi);
  afterEach(forgetSession);

  it('fits the sign-in prompt at 320 and 180 px', async () => {
    const el = await render();
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });

  it('fits the search with an error and a trail as cards at 320 and 180 px', async () => {
    const { patient, auth } = await registerPatient({ fullName: 'Константинопольская-Северянинова Анастасия Вячеславовна' });
    const { documents } = await applyToBakulevViaApi(auth.token);
    await openDocumentAs((await bakulevDoctorAuth()).token, documents[0]!.id);
    signInPage(await signInViaApi(MANAGER));
    const el = await render();

    query<HTMLButtonElement>(el, 'button[part~="show-button"]').click();
    await waitUntil(() => shadow(el).querySelector('#audit-phone-error'), 'no word about the empty field');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });

    query<HTMLInputElement>(el, '#audit-phone').value = patient.phone;
    query<HTMLButtonElement>(el, 'button[part~="show-button"]').click();
    await waitUntil(() => shadow(el).querySelector('tr[part~="entry"]'), 'the trail did not show');
    for (const width of REFLOW_WIDTHS) await expectReflows(el, { width });
  });
});
