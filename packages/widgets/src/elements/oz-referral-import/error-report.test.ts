import type { ReferralImportReport } from '@oz/contracts';
import { expect } from '@open-wc/testing';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { baseName, errorReportCsv, hasProblems } from './error-report.ts';

const report = (overrides: Partial<ReferralImportReport> = {}): ReferralImportReport => ({
  dryRun: false,
  total: 5,
  created: 2,
  skipped: 0,
  attached: 0,
  errors: [],
  rows: [],
  smsFailures: [],
  ...overrides,
});

describe('the error report of a referral import', () => {
  it('lists row errors and SMS failures by row, in the reader’s language, with no names or phones', () => {
    const csv = errorReportCsv(
      ru,
      report({
        errors: [
          { row: 4, field: 'center', code: 'center_unknown', column: 'Центр', message: 'Name the center' },
          { row: 6, field: null, code: 'duplicate_in_file', column: null, message: 'The same phone and center are on an earlier row' },
        ],
        smsFailures: [{ row: 2, phone: '+79211234567' }],
      }),
    );
    const t = ru.referralImport;
    expect(csv).to.equal(
      '\ufeffСтрока;Столбец;Что не так\r\n' +
        `2;Телефон;${t.smsFailed}\r\n` +
        `4;Центр;${t.rowErrors.center_unknown}\r\n` +
        `6;${t.wholeRow};${t.rowErrors.duplicate_in_file}\r\n`,
    );
    expect(csv).not.to.contain('+7921');
    expect(errorReportCsv(en, report({ errors: [{ row: 3, field: 'fullName', code: 'name_missing', column: 'ФИО', message: '' }] }))).to.equal(
      `\ufeffRow;Column;Problem\r\n3;ФИО;${en.referralImport.rowErrors.name_missing}\r\n`,
    );
  });

  it('quotes cells with “;” or quotes and defuses what Excel would run as a formula', () => {
    const csv = errorReportCsv(ru, report({ errors: [{ row: 2, field: 'fullName', code: 'name_missing', column: '=HYPERLINK("x";"y")', message: '' }] }));
    expect(csv.split('\r\n')[1]).to.equal(`2;"'=HYPERLINK(""x"";""y"")";${ru.referralImport.rowErrors.name_missing}`);
  });

  it('knows when there is nothing to report, and names the report after the table', () => {
    expect(hasProblems(report())).to.equal(false);
    expect(hasProblems(report({ smsFailures: [{ row: 2, phone: '+79211234567' }] }))).to.equal(true);
    expect(baseName('направления март.xlsx')).to.equal('направления март');
    expect(baseName('.csv')).to.equal('.csv');
    expect(baseName('таблица')).to.equal('таблица');
  });
});
