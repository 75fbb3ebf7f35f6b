import type { AuthResponse, MedicalDocument } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { registerPatient, signInViaApi, stubApi } from '../../../test/api.ts';
import {
  SAMPLE_BYTES,
  applyToBakulevViaApi,
  chooseFiles,
  listApplications,
  listDocuments,
  pdfFile,
  sampleFile,
  selectOption,
  uploadBakulevRequired,
  uploadViaApi,
} from '../../../test/documents.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { expectFitsPhone, showPhoneControls } from '../../../test/phone.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { forgetCenters } from '../../controllers/centers-catalog.ts';
import { session } from '../../session/session.ts';
import { OzApply } from './oz-apply.ts';

OzApply.define('oz-apply');

const button = (el: Element, part: string) => query<HTMLButtonElement>(el, `button[part~="${part}"]`);
const focused = (el: Element) => shadow(el).activeElement;
const formAlert = (el: Element) => query(el, 'form > [part~="form-error"]').textContent?.trim() ?? '';
const row = (el: Element, kind: string) => query(el, `li[data-kind="${kind}"]`);
const boxes = (el: Element) => [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="documentIds"]')];
const box = (el: Element, id: string) => query<HTMLInputElement>(el, `#attach-${id}`);

/** Full years on today's local date, worked out here independently of the element. */
function ageOf(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const now = new Date();
  return now.getFullYear() - y - (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
}

async function ready(el: OzApply): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('form') !== null, 'the form did not appear');
}

async function checklistReady(el: OzApply): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('ul.kind-rows') !== null, 'the checklist did not appear');
}

/** Signs `auth` in and opens the form for the Bakulev center, its checklist loaded. */
async function bakulevForm(auth: AuthResponse): Promise<OzApply> {
  signInPage(auth);
  const el = await fixture<OzApply>(html`<oz-apply center="bakulev"></oz-apply>`);
  await checklistReady(el);
  return el;
}

/** A new patient who uploaded an ECG and an unrelated document, at the Bakulev center's form. */
async function withEcgAndOther() {
  const auth = await patient();
  const ecg = await uploadViaApi(auth.token, 'ecg', pdfFile('ЭКГ.pdf'));
  const other = await uploadViaApi(auth.token, 'other', pdfFile('анализ крови.pdf'));
  const el = await bakulevForm(auth);
  return { auth, ecg, other, el };
}

/** A new patient with every document the Bakulev center requires, at its form filled in. */
async function readyToSend(disease: string, words: { diagnosis: string; complaints: string }): Promise<OzApply> {
  const auth = await patient();
  await uploadBakulevRequired(auth.token);
  const el = await bakulevForm(auth);
  fillIn(el, disease, words);
  return el;
}

/** Chooses the disease and types the diagnosis and the complaints, as the patient would. */
function fillIn(el: OzApply, disease: string, words: { diagnosis: string; complaints: string }): void {
  selectOption(query<HTMLSelectElement>(el, 'select[name="disease"]'), disease);
  type(el, words);
}

function type(el: Element, values: { diagnosis?: string; complaints?: string }): void {
  for (const [name, value] of Object.entries(values)) {
    const area = query<HTMLTextAreaElement>(el, `textarea[name="${name}"]`);
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** Chooses a file for one line of the checklist, as a person would through its button. */
async function uploadInRow(el: OzApply, kind: string, file: File): Promise<MedicalDocument> {
  const uploaded = oneEvent(el, 'oz-document-uploaded');
  chooseFiles(row(el, kind).querySelector<HTMLInputElement>('input[data-picker="file"]')!, file);
  return (await uploaded).detail.document;
}

async function patient(): Promise<AuthResponse & { birthDate: string }> {
  const { auth, patient: data } = await registerPatient();
  return { ...auth, birthDate: data.birthDate };
}

describe('<oz-apply>', () => {
  beforeEach(useTestApi);

  it('asks a signed-out visitor to sign in, then shows the form to whoever signs in', async () => {
    const el = await fixture<OzApply>(html`<oz-apply center="bakulev"></oz-apply>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(ru.apply.signInPrompt);
    expect(shadow(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();

    const auth = await patient();
    signInPage(auth);
    await ready(el);
    expect(query(el, '[part~="full-name"]').textContent).to.equal(auth.user.fullName);

    session.clear();
    await el.updateComplete;
    expect(shadow(el).querySelector('form'), 'nothing of the previous user stays').to.equal(null);
  });

  it('tells a doctor that applications are filed by patients', async () => {
    signInPage(await signInViaApi({ phone: '+79000000002', password: 'demo-kulakov' }));
    const el = await fixture<OzApply>(html`<oz-apply></oz-apply>`);
    await waitUntil(() => shadow(el).querySelector('[part~="sign-in-prompt"]') !== null);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(ru.apply.patientsOnly);
  });

  it('says when the centers or the documents cannot be loaded, and loads them on retry', async () => {
    signInPage(await patient());
    forgetCenters();
    const documents = stubApi('GET', '/documents', 500, { error: { code: 'internal', message: 'boom' } });
    let el: OzApply;
    try {
      const centers = stubApi('GET', '/centers', 500, { error: { code: 'internal', message: 'boom' } });
      try {
        el = await fixture<OzApply>(html`<oz-apply center="bakulev"></oz-apply>`);
        await waitUntil(() => shadow(el).querySelector('[part~="load-error"]'), 'no word about the centers');
      } finally {
        centers.restore();
      }
      const problem = query(el, '[part~="load-error"] [part~="error"]');
      expect(problem.textContent).to.equal(`${ru.apply.loadFailed} ${ru.errors.internal}`);
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(problem.getAttribute('part'), 'the old part name stays for one release').to.contain('form-error');
      await expect(el).to.be.accessible();
      query<HTMLButtonElement>(el, '[part~="load-error"] button[part~="retry-button"]').click();
      await waitUntil(() => shadow(el).querySelector('[part~="checklist"] [part~="load-error"]'), 'no word about the documents');
    } finally {
      documents.restore();
    }
    const checklist = query(el, '[part~="checklist"]');
    expect(checklist.querySelector('[part~="error"]')!.textContent).to.equal(ru.errors.internal);
    expect(checklist.querySelector('[part~="error"]')!.getAttribute('part')).to.contain('form-error');
    checklist.querySelector<HTMLButtonElement>('button[part~="retry-button"]')!.click();
    await checklistReady(el);
    expect(shadow(el).querySelector('[part~="load-error"]')).to.equal(null);
  });

  it('with center="bakulev": fixed center, its diseases and checklist, name and age from the profile', async () => {
    const { auth, ecg, other, el } = await withEcgAndOther();

    expect(shadow(el).querySelector('input[name="centerId"]'), 'a preset center cannot be changed').to.equal(null);
    expect(query(el, '[part~="center-name"]').textContent).to.contain('Бакулева');
    const diseases = [...query<HTMLSelectElement>(el, 'select[name="disease"]').options].map((o) => o.value);
    expect(diseases).to.deep.equal([
      '',
      'congenital_heart_defects',
      'acquired_heart_defects',
      'coronary_heart_disease',
      'cardiomyopathies',
      'heart_rhythm_disorders',
      'combined_pathology',
      'vascular_pathology',
    ]);
    expect(query(el, '[part~="age"]').textContent).to.equal(ru.apply.ageValue(ageOf(auth.birthDate)));
    expect(shadow(el).querySelector('input[name="fullName"]'), 'the name is shown, not editable').to.equal(null);

    const kinds = [...shadow(el).querySelectorAll('li[data-kind]')].map((li) => li.getAttribute('data-kind'));
    expect(kinds).to.deep.equal(['discharge_summary', 'ecg', 'echocg', 'ct', 'mri']);
    expect(row(el, 'ecg').textContent).to.contain(ru.apply.required);
    expect(row(el, 'ct').textContent).to.contain(ru.apply.ifAvailable);
    expect(row(el, 'echocg').textContent).to.contain(ru.apply.notUploaded);
    expect(box(el, ecg.id).checked, 'uploads of a listed kind are ticked by default').to.equal(true);
    expect(box(el, other.id).checked, 'other uploads are offered, not ticked').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says what is missing before sending, then uploads the missing documents in place and files the application', async () => {
    const { auth, ecg, other, el } = await withEcgAndOther();

    // Everything empty: field errors, the missing documents named, and nothing sent.
    button(el, 'submit').click();
    await waitUntil(() => shadow(el).querySelector('#documentIds-error') !== null, 'no word about missing documents');
    expect(query(el, '#disease-error').textContent).to.equal(ru.apply.diseaseRequired);
    expect(query(el, '#diagnosis-error').textContent).to.equal(ru.fieldErrors.required);
    expect(query(el, '#complaints-error').textContent).to.equal(ru.fieldErrors.required);
    const missingNames = [ru.domain.documentKinds.discharge_summary, ru.domain.documentKinds.echocg].join(', ');
    expect(query(el, '#documentIds-error').textContent).to.equal(ru.apply.missing(missingNames));
    expect(row(el, 'echocg').classList.contains('missing')).to.equal(true);
    expect(row(el, 'ct').classList.contains('missing'), 'optional documents are never missing').to.equal(false);
    expect(focused(el), 'focus goes to the first problem').to.equal(query(el, 'select[name="disease"]'));
    expect(await listApplications(auth.token)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Only the documents are left: focus goes to the message that names them.
    fillIn(el, 'heart_rhythm_disorders', { diagnosis: 'Фибрилляция предсердий', complaints: 'Перебои в работе сердца, одышка при подъёме по лестнице' });
    button(el, 'submit').click();
    await waitUntil(() => focused(el)?.id === 'documentIds-error', 'focus did not go to the missing documents');

    // Upload the two missing kinds right here, with the progress bar on the line.
    const summary = await uploadInRow(el, 'discharge_summary', sampleFile(SAMPLE_BYTES.jpeg(), 'выписка.jpg', 'image/jpeg'));
    expect(summary.kind).to.equal('discharge_summary');
    await el.updateComplete;
    expect(box(el, summary.id).checked, 'a new upload is ticked').to.equal(true);
    expect(query(el, '#documentIds-error').textContent).to.equal(ru.apply.missing(ru.domain.documentKinds.echocg));
    expect(focused(el)).to.equal(row(el, 'discharge_summary').querySelector('button[part~="choose-file-button"]'));

    chooseFiles(row(el, 'echocg').querySelector<HTMLInputElement>('input[data-picker="file"]')!, pdfFile('эхо.pdf'));
    await el.updateComplete;
    expect(row(el, 'echocg').querySelector('progress'), 'progress is shown on the line').to.exist;
    await expect(el).to.be.accessible();
    await waitUntil(() => row(el, 'echocg').querySelector('progress') === null);
    await el.updateComplete;
    expect(shadow(el).querySelector('#documentIds-error'), 'nothing is missing any more').to.equal(null);
    const echocg = (await listDocuments(auth.token)).find((d) => d.kind === 'echocg')!;

    // The patient attaches the other upload too.
    box(el, other.id).click();
    const submitted = oneEvent(el, 'oz-application-submitted');
    button(el, 'submit').click();
    const { detail } = await submitted;

    expect(detail.application.centerId).to.equal('bakulev');
    expect(detail.application.disease).to.equal('heart_rhythm_disorders');
    expect(detail.application.status).to.equal('submitted');
    expect([...detail.application.documentIds].sort()).to.deep.equal([ecg.id, other.id, summary.id, echocg.id].sort());
    const [stored] = await listApplications(auth.token);
    expect(stored!.id).to.equal(detail.application.id);
    expect(stored!.diagnosis).to.equal('Фибрилляция предсердий');

    await el.updateComplete;
    const done = query(el, '[part~="confirmation"]');
    expect(done.textContent).to.contain(ru.apply.doneReview('НМИЦ ССХ им. А.Н. Бакулева'));
    expect(done.textContent).to.contain(ru.apply.doneNotify);
    expect(done.textContent).to.contain(ru.apply.doneWhere);
    expect(focused(el)?.id).to.equal('done-title');
    await expect(el).to.be.accessible();
  });

  it('sends only the documents the patient left ticked, and names a required one unticked', async () => {
    const auth = await patient();
    const [summary, ecg, echo, spareEcg] = await Promise.all([
      uploadViaApi(auth.token, 'discharge_summary'),
      uploadViaApi(auth.token, 'ecg'),
      uploadViaApi(auth.token, 'echocg'),
      uploadViaApi(auth.token, 'ecg', pdfFile('старая ЭКГ.pdf')),
    ]);
    const el = await bakulevForm(auth);
    fillIn(el, 'cardiomyopathies', { diagnosis: 'ДКМП', complaints: 'Слабость' });

    box(el, echo.id).click();
    button(el, 'submit').click();
    await waitUntil(() => shadow(el).querySelector('#documentIds-error') !== null);
    expect(query(el, '#documentIds-error').textContent).to.equal(ru.apply.missing(ru.domain.documentKinds.echocg));

    box(el, echo.id).click();
    box(el, spareEcg.id).click();
    const submitted = oneEvent(el, 'oz-application-submitted');
    button(el, 'submit').click();
    const { detail } = await submitted;
    expect([...detail.application.documentIds].sort()).to.deep.equal([summary.id, ecg.id, echo.id].sort());
  });

  it('explains a refused upload on its own checklist line and keeps it missing', async () => {
    const auth = await patient();
    const el = await bakulevForm(auth);
    let uploaded = false;
    el.addEventListener('oz-document-uploaded', () => (uploaded = true));

    chooseFiles(row(el, 'ecg').querySelector<HTMLInputElement>('input[data-picker="file"]')!, sampleFile(SAMPLE_BYTES.html(), 'ecg.pdf'));
    const lineError = () => row(el, 'ecg').querySelector('[part~="upload-error"]')!.textContent!.trim();
    await waitUntil(() => lineError() !== '', 'no word about the refused file');
    expect(lineError()).to.equal(ru.documents.unsupportedType);
    expect(row(el, 'ecg').querySelector('[part~="upload-error"]')!.getAttribute('role')).to.equal('alert');
    expect(row(el, 'echocg').querySelector('[part~="upload-error"]')!.textContent!.trim()).to.equal('');
    expect(row(el, 'ecg').textContent).to.contain(ru.apply.notUploaded);
    expect(focused(el), 'focus returns to the line').to.equal(row(el, 'ecg').querySelector('button[part~="choose-file-button"]'));
    expect(uploaded).to.equal(false);
    expect(await listDocuments(auth.token)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows the API’s 422 for missing documents when the page’s list was out of date', async () => {
    const el = await readyToSend('cardiomyopathies', { diagnosis: 'ДКМП', complaints: 'Слабость' });

    const answer = stubApi('POST', '/applications', 422, {
      error: {
        code: 'validation_failed',
        message: 'Attach the required documents: ЭХО КГ',
        details: { fields: [{ field: 'documentIds', code: 'documents_missing', message: 'missing' }], missingKinds: ['echocg'] },
      },
    });
    try {
      button(el, 'submit').click();
      await waitUntil(() => shadow(el).querySelector('#documentIds-error') !== null, 'the 422 was not shown');
    } finally {
      answer.restore();
    }
    expect(answer.calls).to.have.length(1);
    expect(query(el, '#documentIds-error').textContent).to.equal(ru.fieldErrors.documents_missing);
    await waitUntil(() => focused(el)?.id === 'documentIds-error');
  });

  it('says up front that this center already has a waiting application, and explains the API’s 409', async () => {
    const auth = await patient();
    await applyToBakulevViaApi(auth.token);
    const el = await bakulevForm(auth);
    await waitUntil(() => shadow(el).querySelector('[part~="notice"]') !== null, 'no notice about the waiting application');
    expect(query(el, '[part~="notice"]').textContent).to.contain(ru.apply.waiting('').split(' от ')[0]!);

    fillIn(el, 'coronary_heart_disease', { diagnosis: 'ИБС', complaints: 'Боли за грудиной' });
    button(el, 'submit').click();
    await waitUntil(() => formAlert(el) !== '', 'no alert for the 409');
    expect(formAlert(el)).to.equal(ru.apply.conflict);
    expect(await listApplications(auth.token)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows clearly that the program period is closed (409 program_closed)', async () => {
    const el = await readyToSend('coronary_heart_disease', { diagnosis: 'ИБС', complaints: 'Боли' });
    // The shared test server runs without a program period; this one answer stands in for one that ended.
    const answer = stubApi('POST', '/applications', 409, {
      error: { code: 'program_closed', message: 'The program ended on 2021-10-31; new applications are not accepted' },
    });
    let submitted = false;
    el.addEventListener('oz-application-submitted', () => (submitted = true));
    try {
      button(el, 'submit').click();
      await waitUntil(() => formAlert(el) !== '', 'no alert for program_closed');
    } finally {
      answer.restore();
    }
    expect(formAlert(el)).to.equal(ru.apply.programClosed);
    expect(query(el, 'form > [part~="form-error"]').getAttribute('role')).to.equal('alert');
    expect(submitted).to.equal(false);
  });

  it('without a center attribute lets the patient choose one, with that center’s diseases and checklist', async () => {
    const auth = await patient();
    signInPage(auth);
    const el = await fixture<OzApply>(html`<oz-apply></oz-apply>`);
    await ready(el);
    const disease = query<HTMLSelectElement>(el, 'select[name="disease"]');
    expect(disease.disabled, 'no diseases before a center is chosen').to.equal(true);
    expect(shadow(el).querySelector('ul.kind-rows')).to.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'submit').click();
    await waitUntil(() => shadow(el).querySelector('#centerId-error') !== null);
    expect(query(el, '#centerId-error').textContent).to.equal(ru.apply.centerRequired);
    expect(focused(el)).to.equal(query(el, '#center-bakulev'));

    query<HTMLInputElement>(el, '#center-kulakov').click();
    await checklistReady(el);
    expect([...disease.options].map((o) => o.value)).to.include('fetal_arrhythmias');
    const kinds = [...shadow(el).querySelectorAll('li[data-kind]')].map((li) => li.getAttribute('data-kind'));
    expect(kinds).to.deep.equal(['discharge_summary', 'pregnancy_card', 'pelvic_ultrasound', 'fetal_ultrasound', 'ct', 'mri']);
    selectOption(disease, 'fetal_arrhythmias');

    query<HTMLInputElement>(el, '#center-bakulev').click();
    await el.updateComplete;
    expect(disease.value, 'the disease resets with the center').to.equal('');
    expect([...disease.options].map((o) => o.value)).not.to.include('fetal_arrhythmias');
  });

  it('speaks English with lang="en"', async () => {
    const auth = await patient();
    signInPage(auth);
    const el = await fixture<OzApply>(html`<oz-apply lang="en" center="kulakov"></oz-apply>`);
    await checklistReady(el);
    expect(query(el, 'h2').textContent).to.equal(en.apply.title);
    expect(query(el, '[part~="center-name"]').textContent).to.contain('Kulakov National Medical Research Center');
    expect(query<HTMLSelectElement>(el, 'select[name="disease"]').options[1]!.textContent!.trim()).to.equal('Congenital fetal malformations');
    expect(row(el, 'pregnancy_card').textContent).to.contain(en.domain.documentKinds.pregnancy_card);
    expect(query(el, '[part~="age"]').textContent).to.equal(en.apply.ageValue(ageOf('1956-04-12')));
    button(el, 'submit').click();
    await waitUntil(() => shadow(el).querySelector('#documentIds-error') !== null);
    expect(query(el, '#disease-error').textContent).to.equal(en.apply.diseaseRequired);
    expect(text(el)).to.contain('Required documents are missing');
    await expect(el).to.be.accessible();
  });

  it('fits a 360px phone: no sideways scrolling, big touch targets, text of at least 16px', async () => {
    const auth = await patient();
    await uploadViaApi(auth.token, 'ecg', pdfFile('Электрокардиограмма-от-двенадцатого-марта-две-тысячи-двадцать-четвёртого.pdf'));
    signInPage(auth);
    const wrapper = await fixture(html`<div style="width: 360px"><oz-apply></oz-apply></div>`);
    const el = wrapper.querySelector('oz-apply') as OzApply;
    await ready(el);
    query<HTMLInputElement>(el, '#center-bakulev').click();
    await checklistReady(el);
    showPhoneControls(el);
    expectFitsPhone(el, 360, 'button, select, textarea');
    for (const small of shadow(el).querySelectorAll<HTMLElement>('.hint, label, .requirement')) {
      expect(parseFloat(getComputedStyle(small).fontSize), small.textContent!).to.be.at.least(16);
    }
  });
});
