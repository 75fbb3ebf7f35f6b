import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { newPatientAuth, signInViaApi, stubApi } from '../../../test/api.ts';
import {
  SAMPLE_BYTES,
  applyToBakulevViaApi,
  catchDownloads,
  chooseFiles,
  listDocuments,
  pdfFile,
  pdfOfSize,
  sampleFile,
  selectOption,
  uploadViaApi,
} from '../../../test/documents.ts';
import { query, shadow, text } from '../../../test/dom.ts';
import { expectFitsPhone, showPhoneControls } from '../../../test/phone.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { OzDocuments } from './oz-documents.ts';

OzDocuments.define('oz-documents');

const button = (el: Element, part: string) => query<HTMLButtonElement>(el, `button[part~="${part}"]`);
const cards = (el: Element) => [...shadow(el).querySelectorAll<HTMLLIElement>('li[part~="document"]')];
const statusText = (el: Element) => query(el, '[part~="status"]').textContent?.trim() ?? '';
const formError = (el: Element) => query(el, 'form [part~="form-error"]').textContent?.trim() ?? '';
const focused = (el: Element) => shadow(el).activeElement;
const oneKilobyte = (lang: string) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte' }).format(1);

async function listed(el: OzDocuments, count: number): Promise<HTMLLIElement[]> {
  await waitUntil(() => cards(el).length === count, `expected ${count} documents in the list`);
  return cards(el);
}

/** Chooses a kind and a file through the form as a person would, then presses "upload". */
function fillAndUpload(el: OzDocuments, kind: string, file: File, picker: 'file' | 'camera' = 'file'): void {
  selectOption(query<HTMLSelectElement>(el, 'select[name="kind"]'), kind);
  chooseFiles(query<HTMLInputElement>(el, `input[data-picker="${picker}"]`), file);
  button(el, 'upload-button').click();
}

/** Watches the shadow root for a <progress> bar appearing, however briefly. */
function watchProgress(el: Element) {
  const seen: number[] = [];
  const observer = new MutationObserver(() => {
    const bar = shadow(el).querySelector('progress');
    if (bar) seen.push(bar.value);
  });
  observer.observe(shadow(el), { subtree: true, childList: true, attributes: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('<oz-documents>', () => {
  beforeEach(useTestApi);

  it('asks a signed-out visitor to sign in, then shows the list once someone signs in', async () => {
    const auth = await newPatientAuth();
    await uploadViaApi(auth.token, 'ecg', pdfFile('ЭКГ.pdf'));
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(ru.documents.signInPrompt);
    expect(shadow(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();

    signInPage(auth);
    const [card] = await listed(el, 1);
    expect(card!.textContent).to.contain('ЭКГ.pdf');

    session.clear();
    await el.updateComplete;
    expect(cards(el), 'nothing of the previous user stays on screen').to.have.length(0);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(ru.documents.signInPrompt);
  });

  it('tells a doctor that documents are uploaded by patients', async () => {
    signInPage(await signInViaApi({ phone: '+79000000001', password: 'demo-bakulev' }));
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(ru.documents.patientsOnly);
  });

  it('says when the list cannot be loaded, and loads it on retry', async () => {
    signInPage(await newPatientAuth());
    const answer = stubApi('GET', '/documents', 500, { error: { code: 'internal', message: 'boom' } });
    let el: OzDocuments;
    try {
      el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
      await waitUntil(() => shadow(el).querySelector('[part~="load-error"]'), 'no word about the list');
    } finally {
      answer.restore();
    }
    const problem = query(el, '[part~="load-error"] [part~="error"]');
    expect(problem.textContent).to.equal(ru.errors.internal);
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(problem.getAttribute('part'), 'the old part name stays for one release').to.contain('form-error');
    await expect(el).to.be.accessible();
    button(el, 'retry-button').click();
    await waitUntil(() => text(el).includes(ru.documents.empty), 'the retry did not load the list');
    expect(shadow(el).querySelector('[part~="load-error"]')).to.equal(null);
  });

  it('uploads with a visible progress bar, lists the document and fires oz-document-uploaded', async () => {
    const auth = await newPatientAuth();
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    await waitUntil(() => text(el).includes(ru.documents.empty));
    await expect(el).to.be.accessible();

    const size = 3 * 1024 * 1024;
    const progress = watchProgress(el);
    const uploaded = oneEvent(el, 'oz-document-uploaded');
    fillAndUpload(el, 'echocg', sampleFile(pdfOfSize(size), 'ЭХО КГ от 12 марта.pdf'));
    await el.updateComplete;
    expect(query(el, 'progress').getAttribute('part')).to.contain('progress-bar');
    expect(query(el, 'label[for="upload-progress-bar"]').textContent).to.contain('ЭХО КГ от 12 марта.pdf');
    expect(focused(el), 'focus moves to the stop button').to.equal(button(el, 'cancel-upload-button'));
    await expect(el).to.be.accessible();
    const event = await uploaded;
    progress.stop();

    expect(progress.seen.length, 'the progress bar was shown').to.be.greaterThan(0);
    const document = event.detail.document;
    expect([document.kind, document.fileName, document.sizeBytes]).to.deep.equal(['echocg', 'ЭХО КГ от 12 марта.pdf', size]);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelector('progress'), 'the bar goes when the upload is done').to.equal(null);
    expect(statusText(el)).to.equal(ru.documents.uploaded(ru.domain.documentKinds.echocg, 'ЭХО КГ от 12 марта.pdf'));

    const [card] = await listed(el, 1);
    expect(card!.querySelector('[part~="document-kind"]')!.textContent).to.equal(ru.domain.documentKinds.echocg);
    expect(card!.querySelector('[part~="meta"]')!.textContent).to.contain('3 МБ');
    expect((await listDocuments(auth.token)).map((d) => d.id)).to.deep.equal([document.id]);
    // The form is ready for the next document.
    expect(query<HTMLSelectElement>(el, 'select[name="kind"]').value).to.equal('');
    expect(query(el, '[part~="file-status"]').textContent?.trim()).to.equal(ru.documents.noFile);
    expect(focused(el)).to.equal(button(el, 'upload-button'));
    await expect(el).to.be.accessible();
  });

  it('asks for the kind and the file before sending anything', async () => {
    signInPage(await newPatientAuth());
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    let uploaded = false;
    el.addEventListener('oz-document-uploaded', () => (uploaded = true));
    button(el, 'upload-button').click();
    await el.updateComplete;
    await el.updateComplete;

    const select = query<HTMLSelectElement>(el, 'select[name="kind"]');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(query(el, '#kind-error').textContent).to.equal(ru.documents.kindRequired);
    expect(query(el, '#file-error').textContent).to.equal(ru.documents.fileRequired);
    expect(button(el, 'choose-file-button').getAttribute('aria-describedby')).to.contain('file-error');
    expect(focused(el), 'focus goes to the first problem').to.equal(select);
    await expect(el).to.be.accessible();

    selectOption(select, 'ecg');
    button(el, 'upload-button').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el)).to.equal(button(el, 'choose-file-button'));
    expect(uploaded).to.equal(false);
  });

  it('explains a file of the wrong type (415) and a file too large (413), keeping the choice for another try', async () => {
    const auth = await newPatientAuth();
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);

    fillAndUpload(el, 'ecg', sampleFile(SAMPLE_BYTES.html(), 'scan.pdf'));
    await waitUntil(() => formError(el) !== '', 'no error for a 415');
    expect(formError(el)).to.equal(ru.documents.unsupportedType);
    expect(query<HTMLSelectElement>(el, 'select[name="kind"]').value).to.equal('ecg');
    await expect(el).to.be.accessible();

    fillAndUpload(el, 'mri', sampleFile(pdfOfSize(20 * 1024 * 1024 + 1), 'mri.pdf'));
    await waitUntil(() => formError(el) === ru.documents.tooLarge, 'no error for a 413');
    expect(await listDocuments(auth.token)).to.deep.equal([]);
  });

  it('stops an upload on request and stores nothing', async () => {
    const auth = await newPatientAuth();
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    let uploaded = false;
    el.addEventListener('oz-document-uploaded', () => (uploaded = true));

    fillAndUpload(el, 'ct', sampleFile(pdfOfSize(18 * 1024 * 1024), 'ct.pdf'));
    await el.updateComplete;
    button(el, 'cancel-upload-button').click();
    await waitUntil(() => statusText(el) === ru.documents.uploadCancelled, 'no word that the upload stopped');
    expect(formError(el)).to.equal('');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listDocuments(auth.token)).to.deep.equal([]);
    expect(uploaded).to.equal(false);
  });

  it('takes a photo from the camera on phones (capture) and uploads it', async () => {
    const auth = await newPatientAuth();
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    const camera = query<HTMLInputElement>(el, 'input[data-picker="camera"]');
    expect(camera.getAttribute('capture')).to.equal('environment');
    expect(camera.accept).to.equal('image/*');
    expect(button(el, 'camera-button').textContent?.trim()).to.equal(ru.documents.takePhoto);

    const uploaded = oneEvent(el, 'oz-document-uploaded');
    fillAndUpload(el, 'discharge_summary', sampleFile(SAMPLE_BYTES.jpeg(), 'IMG_0001.jpg', 'image/jpeg'), 'camera');
    const { detail } = await uploaded;
    expect([detail.document.kind, detail.document.mediaType]).to.deep.equal(['discharge_summary', 'image/jpeg']);
  });

  it('lists kind, file name, date and size, and saves a document through an object URL, never a URL with the token', async () => {
    const auth = await newPatientAuth();
    await uploadViaApi(auth.token, 'ecg', sampleFile(SAMPLE_BYTES.png(), 'ecg.png', 'image/png'));
    const newest = await uploadViaApi(auth.token, 'discharge_summary', pdfFile('Выписка из стационара.pdf'));
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    const [first, second] = await listed(el, 2);

    expect(first!.querySelector('[part~="document-kind"]')!.textContent).to.equal(ru.domain.documentKinds.discharge_summary);
    expect(first!.querySelector('[part~="file-name"]')!.textContent).to.equal('Выписка из стационара.pdf');
    const day = new Intl.DateTimeFormat('ru', { dateStyle: 'long' }).format(new Date(newest.uploadedAt));
    expect(first!.querySelector('[part~="meta"]')!.textContent).to.contain(day.replace(/ г\.$/, ''));
    expect(first!.querySelector('[part~="meta"]')!.textContent).to.contain(oneKilobyte('ru'));
    expect(second!.querySelector('[part~="document-kind"]')!.textContent).to.equal(ru.domain.documentKinds.ecg);
    await expect(el).to.be.accessible();

    const downloads = catchDownloads();
    try {
      first!.querySelector<HTMLButtonElement>('button[part~="download-button"]')!.click();
      await waitUntil(() => downloads.saved.length === 1, 'nothing was offered for saving');
    } finally {
      downloads.restore();
    }
    const [saved] = downloads.saved;
    expect(saved!.fileName).to.equal('Выписка из стационара.pdf');
    expect(saved!.href.startsWith('blob:')).to.equal(true);
    expect(saved!.href).not.to.contain(auth.token);
    expect(new Uint8Array(await saved!.blob.arrayBuffer())).to.deep.equal(SAMPLE_BYTES.pdf());
  });

  it('deletes after a confirmation in a modal dialog; Escape and "keep" change nothing', async () => {
    const auth = await newPatientAuth();
    const document = await uploadViaApi(auth.token, 'mri', pdfFile('МРТ.pdf'));
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    const [card] = await listed(el, 1);
    const deleteButton = card!.querySelector<HTMLButtonElement>('button[part~="delete-button"]')!;
    const dialog = query<HTMLDialogElement>(el, 'dialog');

    deleteButton.focus();
    deleteButton.click();
    await waitUntil(() => dialog.open, 'the dialog did not open');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.textContent).to.contain(ru.documents.confirmText(ru.domain.documentKinds.mri, 'МРТ.pdf'));
    expect(focused(el), 'the safe answer has focus').to.equal(button(el, 'keep-button'));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    expect(focused(el), 'focus returns to the delete button').to.equal(deleteButton);

    deleteButton.click();
    await waitUntil(() => dialog.open);
    button(el, 'keep-button').click();
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    expect((await listDocuments(auth.token)).length).to.equal(1);

    // Closed and reopened at once, before the close event is handled: the second opening must hold.
    deleteButton.click();
    await waitUntil(() => dialog.open);
    button(el, 'keep-button').click();
    deleteButton.click();
    await waitUntil(() => dialog.open);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(dialog.open && dialog.textContent!.includes('МРТ.pdf'), 'the late close event spoilt the new dialog').to.equal(true);
    const deleted = oneEvent(el, 'oz-document-deleted');
    expect(button(el, 'confirm-button'), 'confirm-button, and its old name').to.equal(button(el, 'confirm-delete-button'));
    button(el, 'confirm-delete-button').click();
    expect((await deleted).detail).to.deep.equal({ documentId: document.id });
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    expect(cards(el)).to.have.length(0);
    expect(statusText(el)).to.equal(ru.documents.deleted('МРТ.pdf'));
    await waitUntil(() => focused(el)?.id === 'list-title', 'focus did not move to the list heading');
    expect(await listDocuments(auth.token)).to.deep.equal([]);
  });

  it('says up front that a document attached to an open application cannot be deleted, and explains the server’s 409', async () => {
    const auth = await newPatientAuth();
    const spare = await uploadViaApi(auth.token, 'ecg', pdfFile('ЭКГ-2.pdf'));
    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents></oz-documents>`);
    await listed(el, 1);

    // Another tab files an application with it while this list still offers the delete.
    const { application } = await applyToBakulevViaApi(auth.token, [spare.id]);
    expect(application.documentIds).to.include(spare.id);
    const card = cards(el)[0]!;
    card.querySelector<HTMLButtonElement>('button[part~="delete-button"]')!.click();
    const dialog = query<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open);
    button(el, 'confirm-delete-button').click();
    await waitUntil(() => dialog.querySelector('[role="alert"]')!.textContent!.trim() !== '', 'no word about the refusal');
    expect(dialog.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(ru.documents.deleteRefused);
    await expect(el).to.be.accessible();
    button(el, 'keep-button').click();
    await waitUntil(() => !dialog.open);

    // The refreshed list says why, and offers no delete for attached documents.
    await waitUntil(() => cards(el).length === 4, 'the list was not refreshed');
    for (const attached of cards(el)) {
      expect(attached.querySelector('[part~="in-use"]')!.textContent).to.equal(ru.documents.inUse);
      expect(attached.querySelector('button[part~="delete-button"]')).to.equal(null);
    }
    expect((await listDocuments(auth.token)).length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('follows changes made by other elements on the page', async () => {
    const auth = await newPatientAuth();
    signInPage(auth);
    const wrapper = await fixture(html`<div><oz-documents></oz-documents><span id="other"></span></div>`);
    const el = wrapper.querySelector('oz-documents') as OzDocuments;
    await waitUntil(() => text(el).includes(ru.documents.empty));

    const document = await uploadViaApi(auth.token, 'fetal_ultrasound');
    wrapper.querySelector('#other')!.dispatchEvent(
      new CustomEvent('oz-document-uploaded', { detail: { document }, bubbles: true, composed: true }),
    );
    await listed(el, 1);
  });

  it('speaks English with lang="en"', async () => {
    const auth = await newPatientAuth();
    await uploadViaApi(auth.token, 'pelvic_ultrasound', pdfFile('scan.pdf'));
    const signedOut = await fixture<OzDocuments>(html`<oz-documents lang="en"></oz-documents>`);
    expect(query(signedOut, '[part~="sign-in-prompt"]').textContent).to.equal(en.documents.signInPrompt);

    signInPage(auth);
    const el = await fixture<OzDocuments>(html`<oz-documents lang="en"></oz-documents>`);
    const [card] = await listed(el, 1);
    expect(query(el, 'h2').textContent).to.equal(en.documents.title);
    expect(card!.querySelector('[part~="document-kind"]')!.textContent).to.equal(en.domain.documentKinds.pelvic_ultrasound);
    expect(card!.querySelector('[part~="meta"]')!.textContent).to.contain(oneKilobyte('en'));
    button(el, 'upload-button').click();
    await el.updateComplete;
    expect(query(el, '#kind-error').textContent).to.equal(en.documents.kindRequired);
    await expect(el).to.be.accessible();
  });

  it('fits a 360px phone: no sideways scrolling, big touch targets, text of at least 16px', async () => {
    const auth = await newPatientAuth();
    await uploadViaApi(auth.token, 'discharge_summary', pdfFile('Очень-длинное-имя-файла-без-пробелов-выписка-из-стационара-2024.pdf'));
    signInPage(auth);
    const wrapper = await fixture(html`<div style="width: 360px"><oz-documents></oz-documents></div>`);
    const el = wrapper.querySelector('oz-documents') as OzDocuments;
    await listed(el, 1);
    showPhoneControls(el);
    expectFitsPhone(el, 360, 'button, select');
    expect(parseFloat(getComputedStyle(query(el, 'select')).fontSize)).to.be.at.least(16);
    expect(parseFloat(getComputedStyle(query(el, '[part~="meta"]')).fontSize)).to.be.at.least(16);
  });
});
