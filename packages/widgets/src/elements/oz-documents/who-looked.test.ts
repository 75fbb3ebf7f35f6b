// «Кто смотрел мои документы» in <oz-documents>: what a demo doctor did with a patient's data, as
// the patient reads it, loaded only when asked for.
import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { callApi, newPatientAuth, stubApi, watchApi } from '../../../test/api.ts';
import { BAKULEV_DOCTOR, auditEntry, bakulevDoctorAuth, declineApplicationAs, openDocumentAs, stubAuditPages } from '../../../test/audit.ts';
import { applyToBakulevViaApi, pdfFile, uploadViaApi } from '../../../test/documents.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { expectFitsPhone } from '../../../test/phone.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { OzDocuments } from './oz-documents.ts';

OzDocuments.define('oz-documents');

const showButton = (el: Element) => query<HTMLButtonElement>(el, 'button[part~="who-looked-button"]');
const entries = (el: Element) => [...shadow(el).querySelectorAll<HTMLLIElement>('[part~="who-looked-entry"]')];
const entryTexts = (el: Element) => entries(el).map((entry) => entry.textContent!.replace(/\s+/g, ' ').trim());

/** The documents list is here (the section is below it). */
async function documentsShown(el: OzDocuments): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[part~="who-looked"]') && !shadow(el).querySelector('.list-section [part~="loading"]'), 'the documents did not load');
}

describe('<oz-documents> «Кто смотрел мои документы»', () => {
  beforeEach(useTestApi);

  it('asks the API nothing until opened, then says that nobody else has looked yet', async () => {
    signInPage(await newPatientAuth());
    const calls = watchApi('GET', '/me/audit');
    try {
      const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
      await documentsShown(el);
      expect(query(el, '#who-looked-title').textContent).to.equal(ru.documents.whoLookedTitle);
      const button = showButton(el);
      expect(button.textContent!.trim()).to.equal(ru.documents.whoLookedShow);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(calls.calls, 'the documents list does not wait for the trail').to.have.length(0);
      await expect(el).to.be.accessible();

      button.click();
      await waitUntil(() => text(el).includes(ru.documents.whoLookedEmpty), 'no empty state');
      expect(calls.calls).to.have.length(1);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.textContent!.trim()).to.equal(ru.documents.whoLookedHide);
      expect(query(el, '[part~="who-looked-empty"]').textContent).to.equal(ru.documents.whoLookedEmpty);
      await expect(el).to.be.accessible();

      button.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="who-looked-empty"]'), 'hidden again').to.equal(null);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      calls.restore();
    }
  });

  it("names the doctor, the documents he opened (a deleted one too) and his answer to the application, newest first", async () => {
    const auth = await newPatientAuth();
    const { application } = await applyToBakulevViaApi(auth.token);
    const mri = await uploadViaApi(auth.token, 'mri', pdfFile('МРТ головы.pdf'));
    const old = await uploadViaApi(auth.token, 'other', pdfFile('Старое УЗИ.pdf'));
    const doctor = await bakulevDoctorAuth();
    await openDocumentAs(doctor.token, mri.id);
    await openDocumentAs(doctor.token, old.id);
    await declineApplicationAs(doctor.token, application.id);
    expect((await callApi('DELETE', `/documents/${old.id}`, { token: auth.token })).status).to.equal(204);
    // The patient's own reads are not in it.
    await openDocumentAs(auth.token, mri.id);

    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    await documentsShown(el);
    showButton(el).click();
    await waitUntil(() => entries(el).length === 3, 'the three entries did not show');

    const who = `${BAKULEV_DOCTOR.fullName}, ${ru.audit.roles.doctor}`;
    expect(entryTexts(el).map((line) => line.slice(line.indexOf(BAKULEV_DOCTOR.fullName)))).to.deep.equal([
      `${who}, отклонил вашу заявку`,
      `${who}, открыл документ, которого больше нет`,
      `${who}, открыл документ «МРТ» (файл МРТ головы.pdf)`,
    ]);
    const [newest] = entries(el);
    const time = newest!.querySelector('time')!;
    expect(Date.parse(time.dateTime)).to.be.closeTo(Date.now(), 60_000);
    const day = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long' }).format(new Date());
    expect(time.textContent).to.contain(day);
    await expect(el).to.be.accessible();
  });

  it('says when the trail cannot be loaded, and loads it on retry', async () => {
    signInPage(await newPatientAuth());
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    await documentsShown(el);
    const answer = stubApi('GET', '/me/audit', 500, { error: { code: 'internal', message: 'boom' } });
    try {
      showButton(el).click();
      await waitUntil(() => shadow(el).querySelector('[part~="who-looked"] [part~="load-error"]'), 'no word about the failure');
    } finally {
      answer.restore();
    }
    const problem = query(el, '[part~="who-looked"] [part~="error"]');
    expect(problem.textContent).to.equal(`${ru.documents.whoLookedFailed} ${ru.errors.internal}`);
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(text(el), 'the documents list stays').to.contain(ru.documents.empty);
    await expect(el).to.be.accessible();
    query<HTMLButtonElement>(el, '[part~="who-looked"] button[part~="retry-button"]').click();
    await waitUntil(() => text(el).includes(ru.documents.whoLookedEmpty), 'the retry did not load the trail');
  });

  it("shows more on request, and says a woman's deeds in her words", async () => {
    signInPage(await newPatientAuth());
    const first = [
      auditEntry({ actorName: 'Смирнова Ольга Сергеевна', action: 'status_changed', subjectType: 'consultation', status: 'cancelled' }),
      auditEntry({ actorName: 'Смирнова Ольга Сергеевна', actorRole: 'manager', subjectType: 'application' }),
    ];
    const second = [auditEntry({ subjectType: 'chat', at: '2025-03-12T11:05:00Z' })];
    const pages = stubAuditPages('/me/audit', [first, second]);
    try {
      const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
      await documentsShown(el);
      showButton(el).click();
      await waitUntil(() => entries(el).length === 2, 'the first page did not show');
      expect(entryTexts(el)[0]).to.contain('Смирнова Ольга Сергеевна, врач, отменила консультацию');
      expect(entryTexts(el)[1]).to.contain('Смирнова Ольга Сергеевна, сотрудник программы, открыла вашу заявку на консультацию');
      await expect(el).to.be.accessible();
      query<HTMLButtonElement>(el, '[part~="who-looked"] button[part~="load-more"]').click();
      await waitUntil(() => entries(el).length === 3, 'the next page did not show');
      expect(entryTexts(el)[2]).to.contain(`${BAKULEV_DOCTOR.fullName}, врач, открыл переписку с врачом`);
      expect(entryTexts(el)[2], 'another year is said').to.contain('2025');
      expect(pages.calls.map((url) => url.searchParams.get('cursor'))).to.deep.equal([null, 'page-1']);
      expect(shadow(el).querySelector('[part~="who-looked"] button[part~="load-more"]'), 'nothing more to show').to.equal(null);
    } finally {
      pages.restore();
    }
  });

  it('speaks English with lang="en"', async () => {
    const auth = await newPatientAuth();
    const { documents } = await applyToBakulevViaApi(auth.token);
    await openDocumentAs((await bakulevDoctorAuth()).token, documents[0]!.id);
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents lang="en"></oz-documents>`);
    await documentsShown(el);
    expect(query(el, '#who-looked-title').textContent).to.equal(en.documents.whoLookedTitle);
    showButton(el).click();
    await waitUntil(() => entries(el).length === 1, 'the entry did not show');
    expect(entryTexts(el)[0]).to.contain(
      `${BAKULEV_DOCTOR.fullName}, doctor, opened the document “${en.domain.documentKinds[documents[0]!.kind]}” (file ${documents[0]!.fileName})`,
    );
    await expect(el).to.be.accessible();
  });

  it('fits a 360px phone with the trail open', async () => {
    const auth = await newPatientAuth();
    const { documents } = await applyToBakulevViaApi(auth.token);
    await openDocumentAs((await bakulevDoctorAuth()).token, documents[1]!.id);
    signInPage(auth);
    const wrapper = await fixture(html`<div style="width: 360px"><oz-documents></oz-documents></div>`);
    const el = wrapper.querySelector('oz-documents') as OzDocuments;
    await documentsShown(el);
    showButton(el).click();
    await waitUntil(() => entries(el).length === 1);
    expectFitsPhone(el, 360, 'button');
    expect(parseFloat(getComputedStyle(entries(el)[0]!).fontSize)).to.be.at.least(16);
  });
});
