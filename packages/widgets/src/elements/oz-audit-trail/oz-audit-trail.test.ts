import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { newPatientAuth, registerPatient, signInViaApi, stubApi, testApi } from '../../../test/api.ts';
import { BAKULEV_DOCTOR, MANAGER, auditEntry, bakulevDoctorAuth, declineApplicationAs, openDocumentAs, stubAuditPages } from '../../../test/audit.ts';
import { applyToBakulevViaApi, catchDownloads } from '../../../test/documents.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { expectFitsPhone } from '../../../test/phone.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { OzAuditTrail } from './oz-audit-trail.ts';

OzAuditTrail.define('oz-audit-trail');

const phoneInput = (el: Element) => query<HTMLInputElement>(el, '#audit-phone');
const button = (el: Element, part: string) => query<HTMLButtonElement>(el, `button[part~="${part}"]`);
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLTableRowElement>('tr[part~="entry"]')];
const cells = (row: HTMLTableRowElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
const phoneError = (el: Element) => shadow(el).querySelector('#audit-phone-error')?.textContent?.trim();
const focused = (el: Element) => shadow(el).activeElement;

/** Types the phone and presses «Показать», as the manager would. */
function search(el: Element, phone: string): void {
  const input = phoneInput(el);
  input.value = phone;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  button(el, 'show-button').click();
}

/** A patient who applied to the Bakulev center, whose first document the demo doctor opened and whose application he declined. */
async function patientWithTrail() {
  const { patient, auth } = await registerPatient({ fullName: 'Соколова Вера Николаевна', birthDate: '1950-02-03' });
  const { application, documents } = await applyToBakulevViaApi(auth.token);
  const doctor = await bakulevDoctorAuth();
  await openDocumentAs(doctor.token, documents[0]!.id);
  await declineApplicationAs(doctor.token, application.id);
  return { patient, auth };
}

/** «+7 921 123-45-67», as people write it. */
const spaced = (phone: string) => `${phone.slice(0, 2)} ${phone.slice(2, 5)} ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;

describe('<oz-audit-trail>', () => {
  beforeEach(useTestApi);

  it('asks a signed-out visitor to sign in and tells other users that it is for the manager', async () => {
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail></oz-audit-trail>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(ru.auditTrail.signInPrompt);
    expect(shadow(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();

    signInPage(await newPatientAuth());
    await el.updateComplete;
    const note = query(el, '[part~="managers-only"]');
    expect(note.textContent).to.equal(ru.auditTrail.managersOnly);
    expect(shadow(el).querySelector('form')).to.equal(null);
  });

  it("finds the patient by phone and shows whose trail it is and who did what, newest first", async () => {
    const { patient } = await patientWithTrail();
    signInPage(await signInViaApi(MANAGER));
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail></oz-audit-trail>`);
    expect(query(el, `label[for="audit-phone"]`).textContent).to.equal(ru.auditTrail.phoneLabel);
    await expect(el).to.be.accessible();

    search(el, spaced(patient.phone));
    await waitUntil(() => rows(el).length === 2, 'the trail did not show');
    expect(query(el, '#trail-title').textContent).to.equal(ru.auditTrail.trailOf('Соколова Вера Николаевна'));
    expect(query(el, '[part~="patient"]').textContent).to.contain(ru.auditTrail.birthDate('3 февраля 1950 г.'));
    expect(query(el, '[part~="patient"]').textContent).to.contain(patient.phone);
    expect(focused(el), 'focus goes to the trail').to.equal(query(el, '#trail-title'));

    const headers = [...shadow(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Когда', 'Кто', 'Роль', 'Что сделал', 'Адрес']);
    const [declined, opened] = rows(el).map(cells);
    expect(declined!.slice(1, 4)).to.deep.equal([BAKULEV_DOCTOR.fullName, 'врач', 'Отклонил заявку пациента']);
    expect(opened!.slice(1, 4)).to.deep.equal([BAKULEV_DOCTOR.fullName, 'врач', 'Открыл документ пациента']);
    expect(opened![4], 'the address the server saw').to.not.equal('');
    expect(rows(el)[0]!.querySelector('time')!.dateTime).to.match(/^\d{4}-\d\d-\d\dT/);
    await expect(el).to.be.accessible();
  });

  it('says which phone is wrong: empty, not a phone, nobody has it', async () => {
    signInPage(await signInViaApi(MANAGER));
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail></oz-audit-trail>`);

    search(el, '');
    await waitUntil(() => phoneError(el) === ru.auditTrail.phoneRequired, 'no word about the empty field');
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(phoneInput(el).getAttribute('aria-describedby')).to.contain('audit-phone-error');
    expect(focused(el)).to.equal(phoneInput(el));

    search(el, '12345');
    await waitUntil(() => phoneError(el) === ru.fieldErrors.phone_invalid, 'no word about a wrong number');

    // Nobody is registered with it: a new random number.
    search(el, `+79${Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('')}`);
    await waitUntil(() => phoneError(el) === ru.auditTrail.noSuchPatient, 'no word about an unknown phone');
    expect(focused(el), 'back to the phone to fix it').to.equal(phoneInput(el));
    expect(shadow(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when the API cannot be reached, and shows the trail on retry', async () => {
    const { patient } = await registerPatient();
    signInPage(await signInViaApi(MANAGER));
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail></oz-audit-trail>`);
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).startsWith(`${testApi}/api/v1/audit`) ? Promise.reject(new TypeError('Failed to fetch')) : original(input, init);
    try {
      search(el, patient.phone);
      await waitUntil(() => shadow(el).querySelector('[part~="load-error"]'), 'no word about the failure');
    } finally {
      window.fetch = original;
    }
    const problem = query(el, '[part~="load-error"] [part~="error"]');
    expect(problem.textContent).to.equal(`${ru.auditTrail.failed} ${ru.errors.network}`);
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(phoneError(el), 'the phone itself is fine').to.equal(undefined);
    await expect(el).to.be.accessible();
    button(el, 'retry-button').click();
    await waitUntil(() => text(el).includes(ru.auditTrail.empty), 'the retry did not show the trail');
  });

  it('downloads the whole trail as CSV with the token in a header, never in a link', async () => {
    const { patient } = await patientWithTrail();
    const manager = await signInViaApi(MANAGER);
    signInPage(manager);
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail></oz-audit-trail>`);
    search(el, patient.phone);
    await waitUntil(() => rows(el).length === 2, 'the trail did not show');

    const downloads = catchDownloads();
    try {
      button(el, 'download-csv-button').click();
      await waitUntil(() => downloads.saved.length === 1, 'nothing was offered for saving');
    } finally {
      downloads.restore();
    }
    const [saved] = downloads.saved;
    expect(saved!.fileName).to.equal(ru.auditTrail.csvFileName('Соколова Вера Николаевна'));
    expect(saved!.href.startsWith('blob:')).to.equal(true);
    expect(saved!.href).not.to.contain(manager.token);
    const csv = await saved!.blob.text();
    const lines = csv.replace(/^\ufeff/, '').trim().split(/\r\n/);
    expect(lines[0]).to.contain('Когда (UTC)');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.contain(BAKULEV_DOCTOR.fullName);
    await waitUntil(() => query(el, '[part~="status"]').textContent?.trim() === ru.auditTrail.csvSaved, 'no word that it was saved');

    const refused = stubApi('GET', '/audit/export.csv', 500, { error: { code: 'internal', message: 'boom' } });
    try {
      button(el, 'download-csv-button').click();
      await waitUntil(() => query(el, '[part~="trail"] [part~="form-error"]').textContent?.trim() !== '', 'no word about the failed download');
    } finally {
      refused.restore();
    }
    expect(query(el, '[part~="trail"] [part~="form-error"]').textContent?.trim()).to.equal(`${ru.auditTrail.csvFailed} ${ru.errors.internal}`);
  });

  it('shows more on request, reading further by the patient found', async () => {
    const { patient } = await registerPatient();
    signInPage(await signInViaApi(MANAGER));
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail></oz-audit-trail>`);
    const found = { id: 'patient-42', fullName: 'Ким Ли', birthDate: null, phone: patient.phone };
    const pages = stubAuditPages('/audit', [[auditEntry({ address: '10.0.0.7' })], [auditEntry({ actorName: 'Иванова Анна Павловна', actorRole: 'manager', subjectType: 'application' })]], { patient: found });
    try {
      search(el, patient.phone);
      await waitUntil(() => rows(el).length === 1, 'the first page did not show');
      expect(cells(rows(el)[0]!).slice(3)).to.deep.equal(['Прочитал заключение врача', '10.0.0.7']);
      expect(query(el, '[part~="patient"]').textContent, 'no birth date known').not.to.contain(ru.auditTrail.birthDate(''));
      button(el, 'load-more').click();
      await waitUntil(() => rows(el).length === 2, 'the next page did not show');
      expect(cells(rows(el)[1]!).slice(1, 5)).to.deep.equal(['Иванова Анна Павловна', 'сотрудник программы', 'Открыла заявку пациента на консультацию', ru.auditTrail.noAddress]);
      expect(pages.calls[1]!.searchParams.get('patientId')).to.equal('patient-42');
      expect(pages.calls[1]!.searchParams.get('phone')).to.equal(null);
      expect(shadow(el).querySelector('button[part~="load-more"]')).to.equal(null);
    } finally {
      pages.restore();
    }
  });

  it('speaks English with lang="en"', async () => {
    const { patient } = await patientWithTrail();
    signInPage(await signInViaApi(MANAGER));
    const el = await fixture<OzAuditTrail>(html`<oz-audit-trail lang="en"></oz-audit-trail>`);
    expect(query(el, 'h2').textContent).to.equal(en.auditTrail.title);
    search(el, patient.phone);
    await waitUntil(() => rows(el).length === 2, 'the trail did not show');
    expect(cells(rows(el)[0]!).slice(2, 4)).to.deep.equal(['doctor', "Declined the patient's application"]);
    await expect(el).to.be.accessible();
  });

  it('turns the table into cards on a 360px phone, with big buttons and text of at least 16px', async () => {
    const { patient } = await patientWithTrail();
    signInPage(await signInViaApi(MANAGER));
    const wrapper = await fixture(html`<div style="width: 360px"><oz-audit-trail></oz-audit-trail></div>`);
    const el = wrapper.querySelector('oz-audit-trail') as OzAuditTrail;
    await el.updateComplete;
    search(el, patient.phone);
    await waitUntil(() => rows(el).length === 2, 'the trail did not show');
    expect(getComputedStyle(rows(el)[0]!).display, 'a card, not a table row').to.equal('block');
    expect(getComputedStyle(query(el, 'thead tr')).position, 'the header row is only for screen readers').to.equal('absolute');
    expectFitsPhone(el, 360, 'button, input');
    for (const cell of rows(el)[0]!.querySelectorAll('th, td')) expect(parseFloat(getComputedStyle(cell).fontSize)).to.be.at.least(16);
    await expect(el).to.be.accessible();
  });
});
