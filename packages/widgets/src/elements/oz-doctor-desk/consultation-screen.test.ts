import type { Consultation } from '@oz/contracts';
import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { callApi, registerPatient, signInViaApi, testApi } from '../../../test/api.ts';
import { postAs } from '../../../test/chat.ts';
import { DEMO, applyTo, futureSlot, scheduleThroughApi, uniqueName } from '../../../test/doctor-desk.ts';
import { SAMPLE_BYTES, applyToBakulevViaApi, sampleFile, uploadViaApi } from '../../../test/documents.ts';
import { query, shadow } from '../../../test/dom.ts';
import { expectReflows } from '../../../test/reflow.ts';
import { useTestApi } from '../../../test/session.ts';
import { consultationStartingSoon } from '../../../test/video.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { OzDoctorDesk } from './oz-doctor-desk.ts';

OzDoctorDesk.define('oz-doctor-desk');

const desk = ru.doctorDesk;
const part = <T extends Element = HTMLElement>(el: Element, name: string, within: ParentNode = shadow(el)) =>
  within.querySelector<T>(`[part~="${name}"]`);
const card = (el: Element, id: string) => shadow(el).querySelector<HTMLLIElement>(`li[part~="consultation"][data-consultation-id="${id}"]`);
const documentItem = (el: Element, id: string) => shadow(el).querySelector<HTMLLIElement>(`li[part~="document"][data-document-id="${id}"]`);
const focused = (el: Element) => shadow(el).activeElement;
const visible = (node: Element | null) => !!node && node.getClientRects().length > 0;

/** A real PNG (the fixtures' bytes are only a header): drawn on a canvas, so the picture really shows. */
async function realPng(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 30;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0b5cad';
  context.fillRect(0, 0, 40, 30);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'снимок.png', { type: 'image/png' });
}

/** CRC-32 of the ZIP format, for a stored (uncompressed) archive. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A ZIP holding `entries` uncompressed: a CT study as a disc holds it, the server accepts it. */
function storedZip(entries: Array<{ name: string; bytes: Uint8Array }>): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const crc = crc32(entry.bytes);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, entry.bytes.length, true);
    local.setUint32(22, entry.bytes.length, true);
    local.setUint16(26, name.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, entry.bytes.length, true);
    header.setUint32(24, entry.bytes.length, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.bytes);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.bytes.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of all) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function dicomSlice(size = 3000): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(SAMPLE_BYTES.dicom());
  return bytes;
}

/** Puts the doctor's desk in a column `width` px wide, signed in as the demo Bakulev doctor, at «Мои консультации». */
async function openDesk(width: number) {
  const auth = await signInViaApi(DEMO.bakulev);
  session.adopt(auth, testApi);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px"><oz-doctor-desk section="consultations" page-size="200"></oz-doctor-desk></div>`,
  );
  const el = wrapper.querySelector<OzDoctorDesk>('oz-doctor-desk')!;
  await waitUntil(() => shadow(el).querySelector('#consultations-title'), 'the consultations did not load');
  return { el, wrapper, auth };
}

/** A patient's application with a PDF, a real picture, a DICOM file and a ZIP study attached, scheduled with the demo Bakulev doctor. */
async function consultationWithFiles() {
  const { auth } = await registerPatient({ fullName: uniqueName() });
  const token = auth.token;
  const image = await uploadViaApi(token, 'other', await realPng());
  const dicom = await uploadViaApi(token, 'ct', sampleFile(dicomSlice() as Uint8Array<ArrayBuffer>, 'срез.dcm', 'application/dicom'));
  const zipBytes = storedZip([
    { name: 'DICOM/IM000001', bytes: dicomSlice() },
    { name: 'DICOM/IM000002', bytes: dicomSlice() },
  ]);
  const zip = await uploadViaApi(token, 'ct', sampleFile(zipBytes, 'КТ грудной клетки.zip', 'application/zip'));
  const applied = await applyToBakulevViaApi(token, [image.id, dicom.id, zip.id]);
  const doctor = await signInViaApi(DEMO.bakulev);
  const consultation = await scheduleThroughApi(doctor.token, applied.application.id, futureSlot().iso);
  return { ...applied, auth, consultation, image, dicom, zip, pdf: applied.documents[0]! };
}

async function openScreen(el: OzDoctorDesk, consultation: Consultation, button = 'write-conclusion-button') {
  await waitUntil(() => card(el, consultation.id), 'the consultation is not listed');
  part<HTMLButtonElement>(el, button, card(el, consultation.id)!)!.click();
  await waitUntil(() => part(el, 'consultation-details'), 'the consultation did not open');
  await waitUntil(() => shadow(el).querySelector('[part~="document"]'), 'the documents did not load');
}

describe("<oz-doctor-desk> the consultation's screen", () => {
  beforeEach(useTestApi);

  it('shows a PDF and a picture in the page from the doctor’s token, lists DICOM and ZIP with size and download, side by side on a wide desk', async function () {
    this.timeout(60_000);
    const files = await consultationWithFiles();
    const { el, auth } = await openDesk(1200);
    await openScreen(el, files.consultation);

    // Wide: every part on screen at once, no tabs.
    expect(visible(part(el, 'screen-tabs'))).to.equal(false);
    for (const pane of ['call-pane', 'documents-pane', 'chat-pane', 'conclusion-pane']) expect(visible(part(el, pane)), pane).to.equal(true);
    expect(query(el, '[part~="diagnosis"] dd').textContent).to.equal('ИБС, стенокардия напряжения II ФК');
    expect(query(el, '[part~="complaints"] dd').textContent).to.contain('Боли за грудиной при ходьбе');
    const [left, right] = [part(el, 'documents-pane')!.getBoundingClientRect(), part(el, 'conclusion-pane')!.getBoundingClientRect()];
    expect(right.left, 'the conclusion is beside the documents').to.be.greaterThan(left.right - 1);

    // DICOM and ZIP: listed with their size and a download, nothing to view.
    for (const study of [files.dicom, files.zip]) {
      const item = documentItem(el, study.id)!;
      expect(item.textContent).to.contain(study.fileName);
      expect(part(el, 'document-details', item)!.textContent).to.contain(desk.kilobytes(Math.max(1, Math.round(study.sizeBytes / 1024))));
      expect(part(el, 'save-document-button', item)).to.not.equal(null);
      expect(part(el, 'view-document-button', item)).to.equal(null);
    }
    expect(files.zip.mediaType).to.equal('application/zip');
    expect(query(el, '[part~="documents"]').textContent).to.contain(desk.dicomNote);
    await expect(el).to.be.accessible();

    const created: string[] = [];
    const revoked: string[] = [];
    const urls: string[] = [];
    const realCreate = URL.createObjectURL.bind(URL);
    const realRevoke = URL.revokeObjectURL.bind(URL);
    const realFetch = window.fetch;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = realCreate(object);
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      realRevoke(url);
    };
    window.fetch = (input, init) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    try {
      // The PDF: in a frame in the page, focus on the viewer's title, the token in no address.
      const viewPdf = part<HTMLButtonElement>(el, 'view-document-button', documentItem(el, files.pdf.id)!)!;
      viewPdf.click();
      await waitUntil(() => part(el, 'viewer-frame'), 'the PDF is not shown');
      const frame = part<HTMLIFrameElement>(el, 'viewer-frame')!;
      expect(frame.src.startsWith('blob:')).to.equal(true);
      expect(frame.title).to.equal(desk.viewerLabel(files.pdf.fileName));
      expect(urls).to.deep.equal([`${testApi}/api/v1/documents/${files.pdf.id}/content`]);
      expect([...urls, frame.src].some((url) => url.includes(auth.token))).to.equal(false);
      expect((await (await realFetch(frame.src)).blob()).type).to.equal('application/pdf');
      expect(focused(el)?.id).to.equal('viewer-title');
      expect(query(el, '#viewer-title').textContent).to.contain(files.pdf.fileName);
      expect(part(el, 'viewer-download-button')).to.not.equal(null);

      // Escape closes it: its object URL is revoked and focus is back on «Посмотреть». Pressed at
      // once: Chromium's PDF viewer takes the focus into its frame when it has drawn the file, and
      // keys pressed there stay there (the viewer's accessibility is checked with the picture below).
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(el, 'viewer'), 'Escape did not close the viewer');
      expect(revoked).to.include(frame.src);
      await waitUntil(() => focused(el) === part(el, 'view-document-button', documentItem(el, files.pdf.id)!), 'focus did not come back');

      // The picture, and «Закрыть».
      part<HTMLButtonElement>(el, 'view-document-button', documentItem(el, files.image.id)!)!.click();
      await waitUntil(() => part<HTMLImageElement>(el, 'viewer-image')?.complete, 'the picture is not shown');
      const image = part<HTMLImageElement>(el, 'viewer-image')!;
      expect(image.src.startsWith('blob:')).to.equal(true);
      await waitUntil(() => image.naturalWidth === 40, 'the picture did not decode');
      expect(image.alt).to.equal(desk.viewerLabel('снимок.png'));
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, 'close-viewer-button')!.click();
      await waitUntil(() => !part(el, 'viewer'));
      expect(revoked).to.include(image.src);
      expect(created.filter((url) => !revoked.includes(url)), 'every object URL is revoked').to.deep.equal([]);
    } finally {
      URL.createObjectURL = realCreate;
      URL.revokeObjectURL = realRevoke;
      window.fetch = realFetch;
    }
  });

  it('«Написать заключение» goes to the form without a video room or the camera; «Начать видеосвязь» starts it only when pressed', async function () {
    this.timeout(60_000);
    const { consultation } = await consultationStartingSoon(5);
    const asked: string[] = [];
    const media = navigator.mediaDevices;
    const realGetUserMedia = media.getUserMedia.bind(media);
    media.getUserMedia = (constraints) => {
      asked.push(JSON.stringify(constraints));
      return realGetUserMedia(constraints);
    };
    try {
      const { el } = await openDesk(1200);
      await waitUntil(() => card(el, consultation.id));
      expect(part(el, 'start-call-button', card(el, consultation.id)!)!.textContent).to.contain(desk.startCall);
      part<HTMLButtonElement>(el, 'write-conclusion-button', card(el, consultation.id)!)!.click();
      await waitUntil(() => focused(el)?.id === 'conclusion-form-title', 'focus did not go to the conclusion form');
      expect(shadow(el).querySelector('oz-video-room')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(asked, 'nothing asked for the camera').to.deep.equal([]);
      expect(shadow(el).querySelector('oz-video-room')).to.equal(null);
      expect(part(el, 'start-call-button', part(el, 'call-pane')!)!.textContent).to.contain(desk.startCall);
      await expect(el).to.be.accessible();

      part<HTMLButtonElement>(el, 'start-call-button', part(el, 'call-pane')!)!.click();
      await waitUntil(() => shadow(el).querySelector('oz-video-room'), 'the room did not open');
      expect(query(el, 'oz-video-room').getAttribute('consultation')).to.equal(consultation.id);
      // On a wide desk the call spans both columns: wide enough to stay in the page, not cover the chat and the form.
      const callPane = part(el, 'call-pane')!;
      expect(callPane.classList.contains('pane-wide')).to.equal(true);
      expect(callPane.getBoundingClientRect().width).to.be.at.least(1000);
      expect(callPane.getBoundingClientRect().top, 'the call is above the conclusion').to.be.below(part(el, 'conclusion-pane')!.getBoundingClientRect().top);
    } finally {
      media.getUserMedia = realGetUserMedia;
    }
  });

  it('marks a call the doctor ended, in the list and on the screen, with «Вернуться в видеосвязь»; counts unread messages', async function () {
    this.timeout(60_000);
    const { consultation, doctorToken, auth } = await consultationStartingSoon(5);
    expect((await callApi('POST', `/consultations/${consultation.id}/video`, { token: doctorToken })).status).to.equal(200);
    expect((await callApi('POST', `/consultations/${consultation.id}/video/end`, { token: doctorToken })).status).to.be.oneOf([200, 204]);
    await postAs(auth.token, consultation.id, 'Доктор, а когда будет заключение?');
    await postAs(auth.token, consultation.id, 'И нужно ли пить таблетки?');

    const { el } = await openDesk(1200);
    await waitUntil(() => card(el, consultation.id));
    const listed = card(el, consultation.id)!;
    expect(part(el, 'call-ended-mark', listed)!.textContent).to.contain(desk.callEndedMark);
    expect(part(el, 'start-call-button', listed)!.textContent).to.contain(desk.returnToCall);
    const onServer = (await callApi('GET', `/consultations/${consultation.id}`, { token: doctorToken })).body as Consultation;
    expect(onServer.unreadMessages).to.equal(2);
    expect(part(el, 'new-message', listed)!.textContent).to.contain(desk.unread(2));
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'write-conclusion-button', listed)!.click();
    await waitUntil(() => part(el, 'consultation-details'));
    expect(part(el, 'call-ended-mark', part(el, 'consultation-details')!)!.textContent).to.contain(desk.callEndedMark);
    expect(part(el, 'start-call-button', part(el, 'call-pane')!)!.textContent).to.contain(desk.returnToCall);
    expect(shadow(el).querySelector('oz-video-room')).to.equal(null);
  });

  it('shows one part at a time in tabs on a narrow desk, moved with the arrow keys', async function () {
    this.timeout(60_000);
    const files = await consultationWithFiles();
    const { el } = await openDesk(360);
    await openScreen(el, files.consultation, 'open-chat-button');

    const tabs = [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(visible(part(el, 'screen-tabs'))).to.equal(true);
    expect(query(el, '[role="tablist"]').getAttribute('aria-label')).to.equal(desk.screenPartsLabel);
    expect(tabs.map((tab) => tab.textContent?.trim().split(' ')[0])).to.deep.equal([
      desk.callTab.split(' ')[0],
      desk.documentsTab.split(' ')[0],
      desk.chatTab.split(' ')[0],
      desk.conclusionTab.split(' ')[0],
    ]);
    const selected = () => tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    const shownPanes = () => [...shadow(el).querySelectorAll('[role="tabpanel"]')].filter(visible).map((pane) => pane.id);
    expect(selected()).to.equal(tabs[2]);
    expect(shownPanes()).to.deep.equal(['pane-chat']);
    expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([-1, -1, 0, -1]);

    tabs[2]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selected()).to.equal(tabs[3]);
    expect(focused(el)).to.equal(tabs[3]);
    expect(shownPanes()).to.deep.equal(['pane-conclusion']);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tabs[0]);
    expect(shownPanes()).to.deep.equal(['pane-call']);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal(tabs[1]);
    expect(shownPanes()).to.deep.equal(['pane-documents']);
    expect(query(el, '#pane-documents').getAttribute('aria-labelledby')).to.equal('tab-documents');
    expect(visible(documentItem(el, files.pdf.id))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 and 180 px: the list, the screen in each tab, and a document in the viewer', async function () {
    this.timeout(90_000);
    const files = await consultationWithFiles();
    const { el } = await openDesk(320);
    await waitUntil(() => card(el, files.consultation.id));
    await expectReflows(el, { width: 320 });
    await expectReflows(el, { width: 180 });

    await openScreen(el, files.consultation);
    for (const width of [320, 180]) {
      for (const tab of ['call', 'documents', 'chat', 'conclusion']) {
        query<HTMLButtonElement>(el, `#tab-${tab}`).click();
        await el.updateComplete;
        await expectReflows(el, { width });
      }
    }
    query<HTMLButtonElement>(el, '#tab-documents').click();
    part<HTMLButtonElement>(el, 'view-document-button', documentItem(el, files.pdf.id)!)!.click();
    await waitUntil(() => part(el, 'viewer-frame'));
    await expectReflows(el, { width: 180 });
    await expectReflows(el, { width: 320 });
  });
});

describe('<oz-doctor-desk> declining an application', () => {
  beforeEach(useTestApi);

  it('opens the decline form only on request, red-outlined unlike «Назначить», and closes it with Escape or «Не отказывать»', async () => {
    const { patient } = await applyTo('bakulev');
    session.adopt(await signInViaApi(DEMO.bakulev), testApi);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 700px"><oz-doctor-desk page-size="200"></oz-doctor-desk></div>`);
    const el = wrapper.querySelector<OzDoctorDesk>('oz-doctor-desk')!;
    const cardOf = () => [...shadow(el).querySelectorAll('li[part~="application"]')].find((item) => item.textContent?.includes(patient.fullName));
    await waitUntil(cardOf, 'the application is not listed');
    part<HTMLButtonElement>(el, 'open-application-button', cardOf()!)!.click();
    await waitUntil(() => shadow(el).querySelector('[part~="document"]'), 'the documents did not load');

    expect(shadow(el).querySelector('form[part~="decline-form"]')).to.equal(null);
    const open = part<HTMLButtonElement>(el, 'decline-open-button')!;
    expect(open.textContent?.trim()).to.equal(desk.declineOpen);
    const schedule = getComputedStyle(part(el, 'schedule-button')!);
    const decline = getComputedStyle(open);
    expect(decline.backgroundColor, 'not filled like «Назначить»').to.not.equal(schedule.backgroundColor);
    expect(decline.borderTopColor).to.equal('rgb(179, 38, 30)');
    expect(decline.color).to.equal('rgb(179, 38, 30)');
    await expect(el).to.be.accessible();

    open.click();
    await waitUntil(() => shadow(el).querySelector('form[part~="decline-form"]'), 'the form did not open');
    await waitUntil(() => focused(el)?.id === 'decline-reason-input', 'focus is not in the reason');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('form[part~="decline-form"]'), 'Escape did not close it');
    await waitUntil(() => focused(el) === part(el, 'decline-open-button'), 'focus is not back on the button');

    part<HTMLButtonElement>(el, 'decline-open-button')!.click();
    await waitUntil(() => part(el, 'decline-keep-button'));
    part<HTMLButtonElement>(el, 'decline-keep-button')!.click();
    await waitUntil(() => !shadow(el).querySelector('form[part~="decline-form"]'), '«Не отказывать» did not close it');

    await expectReflows(el, { width: 320 });
    part<HTMLButtonElement>(el, 'decline-open-button')!.click();
    await waitUntil(() => shadow(el).querySelector('form[part~="decline-form"]'));
    await expectReflows(el, { width: 180 });
  });
});

