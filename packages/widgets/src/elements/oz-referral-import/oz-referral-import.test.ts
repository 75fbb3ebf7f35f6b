import { MAX_REFERRAL_ROWS, REFERRAL_COLUMNS, REQUIRED_REFERRAL_COLUMNS, type ReferralColumn } from '@oz/contracts/constants';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { callApi, registerPatient, signInViaApi, testApi, uniquePhone } from '../../../test/api.ts';
import { buttonPart, query, text } from '../../../test/dom.ts';
import { catchDownloads, chooseFiles } from '../../../test/documents.ts';
import {
  BAKULEV_DOCTOR,
  MANAGER,
  importViaApi,
  phoneHasAccount,
  referralFile,
  referralRow,
  referralsInQueue,
} from '../../../test/referrals.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { MAX_ROWS } from './limits.ts';
import { OzReferralImport } from './oz-referral-import.ts';

OzReferralImport.define('oz-referral-import');

const t = ru.referralImport;

async function managerElement(lang = 'ru'): Promise<OzReferralImport> {
  signInPage(await signInViaApi(MANAGER));
  return fixture<OzReferralImport>(html`<oz-referral-import lang=${lang}></oz-referral-import>`);
}

function fileInput(el: OzReferralImport): HTMLInputElement {
  return query<HTMLInputElement>(el, 'input[type="file"]');
}

/** Chooses the table as a person does and waits for the check's preview (or a refusal). */
async function check(el: OzReferralImport, file: File): Promise<void> {
  chooseFiles(fileInput(el), file);
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('[part~="upload-progress"]'), 'the check started').to.exist;
  await waitUntil(() => !el.shadowRoot!.querySelector('[part~="upload-progress"]'), 'the check did not finish', { timeout: 15_000 });
  await el.updateComplete;
}

/** Table rows as text cells, by the table's part name. */
function tableRows(el: OzReferralImport, part: string): string[][] {
  return [...el.shadowRoot!.querySelectorAll(`table[part~="${part}"] tbody tr`)].map((tr) =>
    [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

/** The counts of the summary, by part name. */
function summary(el: OzReferralImport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of el.shadowRoot!.querySelectorAll('[part~="summary-item"]')) {
    const key = item.getAttribute('part')!.split(' ')[1]!;
    counts[key] = Number(item.querySelector('.summary-count')!.textContent);
  }
  return counts;
}

function alert(el: OzReferralImport): string {
  return query(el, '[role="alert"]').textContent!.trim();
}

describe('<oz-referral-import>', () => {
  beforeEach(useTestApi);

  it('keeps the column list and the row limit of its words equal to the contract', () => {
    for (const words of [ru, en]) {
      const columns = words.referralImport.columns;
      expect(Object.keys(columns)).to.deep.equal(Object.keys(REFERRAL_COLUMNS));
      for (const [key, header] of Object.entries(REFERRAL_COLUMNS) as [ReferralColumn, string][]) {
        expect(columns[key].header, key).to.equal(header);
        expect(columns[key].required, key).to.equal(REQUIRED_REFERRAL_COLUMNS.includes(key));
      }
    }
    expect(MAX_ROWS).to.equal(MAX_REFERRAL_ROWS);
  });

  it('asks a signed-out visitor to sign in and tells other users the tool is the manager’s', async () => {
    const el = await fixture<OzReferralImport>(html`<oz-referral-import></oz-referral-import>`);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(t.signInPrompt);
    expect(el.shadowRoot!.querySelector('input[type="file"]')).to.equal(null);
    await expect(el).to.be.accessible();

    signInPage((await registerPatient()).auth);
    await el.updateComplete;
    expect(query(el, '[part~="managers-only"]').textContent).to.equal(t.managersOnly);

    signInPage(await signInViaApi(BAKULEV_DOCTOR));
    await el.updateComplete;
    expect(query(el, '[part~="managers-only"]').textContent).to.equal(t.managersOnly);
    expect(el.shadowRoot!.querySelector('input[type="file"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('explains the columns, links the template and offers a labelled file input', async () => {
    const el = await managerElement();
    const items = [...el.shadowRoot!.querySelectorAll('[part~="column"]')].map((li) => li.querySelector('strong')!.textContent);
    expect(items).to.deep.equal(Object.values(REFERRAL_COLUMNS));
    const link = query<HTMLAnchorElement>(el, 'a[part~="template-link"]');
    expect(link.href).to.equal(`${testApi}/api/v1/referrals/template.csv`);
    expect((await fetch(link.href)).status, 'the template is there').to.equal(200);
    const input = fileInput(el);
    expect(input.labels?.[0]?.textContent).to.equal(t.fileLabel);
    // What people see and press is a second label of the same input, in the page's language.
    const pick = query(el, '[part~="choose-file-button"]');
    expect([...input.labels!]).to.include(pick);
    expect(pick.textContent).to.equal(t.chooseFile);
    expect(pick.getBoundingClientRect().height).to.be.at.least(44);
    input.focus();
    expect(el.shadowRoot!.activeElement, 'the input itself takes keyboard focus').to.equal(input);
    expect(input.accept).to.contain('.xlsx').and.contain('.csv');
    await expect(el).to.be.accessible();
  });

  it('previews good and bad rows by their row in the file and writes nothing until confirmed', async () => {
    const good = referralRow();
    const second = referralRow({ Центр: 'НМИЦ АГП им. Кулакова' });
    const table = [
      good,
      referralRow({ ФИО: '' }),
      referralRow({ 'Дата рождения': '31.02.1950' }),
      referralRow({ Телефон: '12-34' }),
      second,
      referralRow({ Центр: 'Склифосовского' }),
      referralRow({ Телефон: BAKULEV_DOCTOR.phone }),
      [...second.slice(0, 2), second[2]!, 'Другой диагноз', second[4]!, '', ''],
    ];
    const el = await managerElement();
    await check(el, referralFile(table, 'январь.csv'));

    expect(query(el, '#preview-title').textContent).to.equal(t.previewTitle);
    expect(el.shadowRoot!.activeElement?.id, 'focus moves to the preview').to.equal('preview-title');
    expect(query(el, '[part~="file-summary"]').textContent).to.contain(t.fileSummary('январь.csv', 8));
    expect(summary(el)).to.deep.equal({ created: 2, attached: 0, known: 0, errors: 6 });
    expect(tableRows(el, 'errors-table')).to.deep.equal([
      ['3', 'ФИО', t.rowErrors.name_missing],
      ['4', 'Дата рождения', t.rowErrors.birth_date_invalid],
      ['5', 'Телефон', t.rowErrors.phone_invalid],
      ['7', 'Центр', t.rowErrors.center_unknown],
      ['8', 'Телефон', t.rowErrors.phone_belongs_to_staff],
      ['9', t.wholeRow, t.rowErrors.duplicate_in_file],
    ]);
    const rows = tableRows(el, 'rows-table');
    expect(rows.map((row) => [row[0], row[2]])).to.deep.equal([
      ['2', t.willDo.create],
      ['6', t.willDo.create],
    ]);
    expect(rows[0]![1]).to.contain(good[0]).and.contain(good[2]).and.contain('Бакулева');
    expect(rows[1]![1]).to.contain('Кулакова');
    expect(text(el)).to.contain(t.confirmNoteSms(2));
    await expect(el).to.be.accessible();

    // The check wrote nothing: no account for the phone, nothing in the center's queue.
    const login = await callApi('POST', '/auth/login', { body: { phone: good[2], password: 'any-password-1' } });
    expect(login.status).to.equal(401);
    expect(await referralsInQueue(good[0]!)).to.deep.equal([]);

    const imported = oneEvent(el, 'oz-referrals-imported');
    buttonPart(el, 'confirm-button').click();
    const { detail } = await imported;
    expect([detail.report.dryRun, detail.report.created, detail.report.errors.length]).to.deep.equal([false, 2, 6]);
    await el.updateComplete;

    expect(query(el, '#result-title').textContent).to.equal(t.resultTitle);
    expect(el.shadowRoot!.activeElement?.id).to.equal('result-title');
    expect(summary(el)).to.deep.equal({ created: 2, attached: 0, known: 0, errors: 6 });
    expect(tableRows(el, 'rows-table').map((row) => row[2])).to.deep.equal([t.done.create, t.done.create]);
    expect(query(el, '[role="status"]').textContent).to.contain(t.imported(2));
    await expect(el).to.be.accessible();

    const [referral] = await referralsInQueue(good[0]!);
    expect([referral?.status, referral?.diagnosis, referral?.referral?.referringDoctor]).to.deep.equal([
      'submitted',
      good[3],
      good[5],
    ]);
    expect(await phoneHasAccount(good[2]!), 'the new patient has an account').to.equal(true);
  });

  it('downloads an error report: UTF-8 with a BOM, “;”, row, column and problem', async () => {
    const el = await managerElement();
    await check(el, referralFile([referralRow(), referralRow({ Диагноз: '' }), referralRow({ Телефон: 'нет; телефона' })], 'март.xlsx.csv'));
    const downloads = catchDownloads();
    try {
      buttonPart(el, 'download-report-button').click();
    } finally {
      downloads.restore();
    }
    expect(downloads.saved.map((saved) => saved.fileName)).to.deep.equal([t.reportFileName('март.xlsx')]);
    const bytes = new Uint8Array(await downloads.saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).to.equal(
      `Строка;Столбец;Что не так\r\n3;Диагноз;${t.rowErrors.diagnosis_missing}\r\n4;Телефон;${t.rowErrors.phone_invalid}\r\n`,
    );
    expect(query(el, '[role="status"]').textContent).to.contain(t.reportSaved);
  });

  it('shows a table imported before as already known, with nothing to confirm', async () => {
    const { patient } = await registerPatient();
    const fresh = referralRow();
    const table = [fresh, referralRow({ ФИО: patient.fullName, Телефон: patient.phone })];
    await importViaApi((await signInViaApi(MANAGER)).token, referralFile(table), false);

    const el = await managerElement();
    await check(el, referralFile(table));
    expect(summary(el)).to.deep.equal({ created: 0, attached: 0, known: 2, errors: 0 });
    expect(tableRows(el, 'rows-table').map((row) => row[2])).to.deep.equal([t.willDo.known, t.willDo.known]);
    expect(el.shadowRoot!.querySelector('[part~="confirm-button"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="download-report-button"]'), 'no errors, no report').to.equal(null);
    expect(text(el)).to.contain(t.nothingToImport);
    await expect(el).to.be.accessible();

    buttonPart(el, 'choose-another-button').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(fileInput(el));
  });

  it('attaches a referral to a patient who registered on their own', async () => {
    const { patient, auth } = await registerPatient();
    const el = await managerElement();
    await check(el, referralFile([referralRow({ ФИО: patient.fullName, Телефон: patient.phone, Центр: 'Кулакова' })]));
    expect(summary(el)).to.deep.equal({ created: 0, attached: 1, known: 0, errors: 0 });
    expect(text(el)).to.contain(t.confirmNote);

    buttonPart(el, 'confirm-button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#result-title'), 'no result');
    expect(summary(el)).to.deep.equal({ created: 0, attached: 1, known: 0, errors: 0 });
    const { body } = await callApi('GET', '/applications', { token: auth.token });
    expect((body as { items: { source: string; centerId: string }[] }).items.map((a) => [a.source, a.centerId])).to.deep.equal([
      ['referral', 'kulakov'],
    ]);
  });

  it('names the missing columns of a table without them, and refuses a file that is not a table', async () => {
    const el = await managerElement();
    await check(el, referralFile([['Иванов', '+79210000001']], 'список.csv', ['Имя', 'Телефон']));
    expect(alert(el)).to.equal(t.missingColumns('список.csv', ['ФИО', 'Дата рождения', 'Диагноз', 'Центр']));
    expect(fileInput(el).getAttribute('aria-describedby')).to.contain('file-problem');
    expect(el.shadowRoot!.activeElement).to.equal(fileInput(el));
    expect(el.shadowRoot!.querySelector('[part~="preview"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const pdf = new File(['%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'], 'скан.pdf', { type: 'application/pdf' });
    await check(el, pdf);
    expect(alert(el)).to.equal(t.notATable('скан.pdf'));
  });

  it('takes a dropped file, shows the upload progress and stops the check when asked', async () => {
    const el = await managerElement();
    const rows = Array.from({ length: 4000 }, () => referralRow());
    const file = referralFile(rows, 'большая.csv');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const zone = query(el, '[part~="drop-zone"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.dataset['dragging']).to.equal('true');
    expect(text(el)).to.contain(t.dropHere);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;

    expect(query(el, '[part~="upload-progress"]').textContent).to.contain(t.checkingTitle('большая.csv'));
    expect(query(el, 'progress')).to.exist;
    expect(fileInput(el).disabled).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(buttonPart(el, 'stop-button'));
    buttonPart(el, 'stop-button').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="upload-progress"]'));
    expect(query(el, '[role="status"]').textContent).to.contain(t.checkStopped);
    expect(el.shadowRoot!.querySelector('[part~="preview"]')).to.equal(null);
    expect(fileInput(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('checks a large table: the progress reaches the preview and only the first rows are drawn', async () => {
    const el = await managerElement();
    const rows = Array.from({ length: 300 }, () => referralRow());
    chooseFiles(fileInput(el), referralFile(rows, 'большая.csv'));
    await el.updateComplete;
    const bar = query<HTMLProgressElement>(el, 'progress');
    expect(bar.labels?.length, 'the bar has a label').to.equal(1);
    await waitUntil(() => el.shadowRoot!.querySelector('#preview-title'), 'no preview', { timeout: 15_000 });
    expect(summary(el)['created']).to.equal(300);
    expect(tableRows(el, 'rows-table').length).to.equal(100);
    expect(text(el)).to.contain(t.shownFirstRows(100, 300));
  });

  it('drops the table when the manager signs out', async () => {
    const el = await managerElement();
    await check(el, referralFile([referralRow()]));
    expect(el.shadowRoot!.querySelector('[part~="preview"]')).to.exist;
    session.clear();
    await el.updateComplete;
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(t.signInPrompt);
    signInPage(await signInViaApi(MANAGER));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="preview"]'), 'the old preview is gone').to.equal(null);
    expect(fileInput(el)).to.exist;
  });

  it('speaks English with lang="en": prompts, row errors and missing columns', async () => {
    const el = await managerElement('en');
    const e = en.referralImport;
    expect(query(el, 'h2').textContent).to.equal(e.title);
    expect(query(el, '[part~="base"]').getAttribute('lang')).to.equal('en');
    expect(fileInput(el).labels?.[0]?.textContent).to.equal(e.fileLabel);

    await check(el, referralFile([referralRow(), referralRow({ 'Дата рождения': 'вчера' })], 'may.csv'));
    expect(query(el, '#preview-title').textContent).to.equal(e.previewTitle);
    expect(tableRows(el, 'errors-table')).to.deep.equal([['3', 'Дата рождения', e.rowErrors.birth_date_invalid]]);
    expect(tableRows(el, 'rows-table')[0]![2]).to.equal(e.willDo.create);
    expect(text(el)).to.contain(e.confirmNoteSms(1));
    await expect(el).to.be.accessible();

    buttonPart(el, 'choose-another-button').click();
    await el.updateComplete;
    await check(el, referralFile([['x']], 'bad.csv', ['Name']));
    expect(alert(el)).to.equal(e.missingColumns('bad.csv', ['ФИО', 'Дата рождения', 'Телефон', 'Диагноз', 'Центр']));
    await expect(el).to.be.accessible();
  });

  it('lists every problem of a row in that row, each with its column, in the reader’s language and at 360px', async () => {
    const bad = referralRow({ 'Дата рождения': '31.02.1950', Телефон: '12-34', Диагноз: '', Центр: 'Склифосовского' });
    const file = () => referralFile([referralRow(), bad, referralRow({ ФИО: '' })], 'four.csv');
    for (const [lang, words] of [['ru', ru], ['en', en]] as const) {
      const w = words.referralImport;
      signInPage(await signInViaApi(MANAGER));
      const wrapper = await fixture(html`<div style="width: 360px"><oz-referral-import lang=${lang}></oz-referral-import></div>`);
      const el = wrapper.querySelector('oz-referral-import') as OzReferralImport;
      await check(el, file());
      expect(summary(el), lang).to.deep.equal({ created: 1, attached: 0, known: 0, errors: 2 });
      const rows = el.shadowRoot!.querySelectorAll('[part~="row-error"]');
      expect([...rows].map((row) => [row.getAttribute('data-row'), row.getAttribute('data-code')]), 'one table row per file row').to.deep.equal([
        ['3', 'birth_date_invalid'],
        ['4', 'name_missing'],
      ]);
      const problems = [...rows[0]!.querySelectorAll('[part~="row-problem"]')];
      expect(problems.map((item) => [item.getAttribute('data-code'), item.getAttribute('data-field')])).to.deep.equal([
        ['birth_date_invalid', 'birthDate'],
        ['phone_invalid', 'phone'],
        ['diagnosis_missing', 'diagnosis'],
        ['center_unknown', 'center'],
      ]);
      const itemText = (item: Element) => (item.textContent ?? '').replace(/\s+/g, ' ').trim();
      expect(problems.map(itemText)).to.deep.equal([
        `Дата рождения${w.columnSeparator.trim()} ${w.rowErrors.birth_date_invalid}`,
        `Телефон${w.columnSeparator.trim()} ${w.rowErrors.phone_invalid}`,
        `Диагноз${w.columnSeparator.trim()} ${w.rowErrors.diagnosis_missing}`,
        `Центр${w.columnSeparator.trim()} ${w.rowErrors.center_unknown}`,
      ]);
      expect(tableRows(el, 'errors-table')[1], 'a single problem reads as before').to.deep.equal(['4', 'ФИО', w.rowErrors.name_missing]);
      expect(query(el, '#errors-title').textContent).to.contain('(2)');
      expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(360);
      await expect(el).to.be.accessible();
    }
  });

  it('fits a 360px phone: no sideways scrolling, big enough buttons and text', async () => {
    signInPage(await signInViaApi(MANAGER));
    const wrapper = await fixture(html`<div style="width: 360px"><oz-referral-import></oz-referral-import></div>`);
    const el = wrapper.querySelector('oz-referral-import') as OzReferralImport;
    await check(el, referralFile([referralRow(), referralRow({ Телефон: 'нет' }), referralRow({ Центр: 'Кулакова' })]));
    expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(360);
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
    }
    for (const cell of el.shadowRoot!.querySelectorAll('td')) {
      expect(parseFloat(getComputedStyle(cell).fontSize)).to.be.at.least(16);
    }
  });

  it('says the tool is the manager’s when the API refuses the upload with 403', async () => {
    // A session that still shows the manager while the token is a patient's (e.g. roles changed):
    // the API decides, and its refusal is worded, not shown as a bare error.
    const { auth } = await registerPatient();
    const manager = await signInViaApi(MANAGER);
    session.adopt({ token: auth.token, user: manager.user }, testApi);
    const el = await fixture<OzReferralImport>(html`<oz-referral-import></oz-referral-import>`);
    await check(el, referralFile([referralRow({ Телефон: uniquePhone() })]));
    expect(alert(el)).to.equal(t.managersOnly);
    expect(el.shadowRoot!.querySelector('[part~="preview"]')).to.equal(null);
  });
});
