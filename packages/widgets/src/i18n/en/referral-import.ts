import type { referralImportRu } from '../ru/referral-import.ts';
import { plural } from '../plural.ts';

const rows = (n: number) => `${n} ${plural('en', n, ['row', 'rows', 'rows'])}`;
const patients = (n: number) => `${n} ${plural('en', n, ['patient', 'patients', 'patients'])}`;

export const referralImportEn: typeof referralImportRu = {
  title: 'Import of referrals from treating doctors',
  intro:
    'Upload the table of patients referred by their treating doctors. First you will see what happens to each row. Patients get an SMS with the login and password of their personal account only after you confirm the import.',
  restoring: 'Checking your sign-in…',
  signInPrompt: 'Sign in as the program manager to upload a table of referrals.',
  managersOnly: 'Only the program manager can upload tables of referrals. Sign in with the manager’s account.',

  columnsTitle: 'The columns the table needs',
  columnsIntro:
    'Row 1 of the table holds the column names, in Russian exactly as below, in any order. Every following row is one patient. A patient referred to both centers takes two rows.',
  requiredColumn: 'required',
  optionalColumn: 'may be left empty',
  columns: {
    fullName: { header: 'ФИО', required: true, hint: 'The patient’s full name, as in the passport.' },
    birthDate: { header: 'Дата рождения', required: true, hint: 'Date of birth as dd.mm.yyyy, e.g. 12.04.1956.' },
    phone: { header: 'Телефон', required: true, hint: 'The patient’s mobile phone: the SMS with the login and password goes there.' },
    diagnosis: { header: 'Диагноз', required: true, hint: 'The diagnosis the patient is referred with.' },
    center: { header: 'Центр', required: true, hint: 'The center: «Бакулева» (Bakulev) or «Кулакова» (Kulakov), or its full name.' },
    referringDoctor: { header: 'Направивший врач', required: false, hint: 'The referring doctor’s surname and initials.' },
    organization: { header: 'Медицинская организация', required: false, hint: 'Where the referring doctor works.' },
  },
  templateLink: 'Download a sample table (CSV)',
  templateHint: 'The sample opens in Excel. Fill it in and save it as XLSX or CSV.',

  fileLabel: 'Table file (XLSX or CSV)',
  chooseFile: 'Choose a file',
  fileHint: 'Choose a file on your computer or drag it into this frame. The table is only checked first: nothing is saved.',
  dropHere: 'Drop the file to check it',
  checkingTitle: (name) => `Checking the table “${name}”`,
  importingTitle: (name) => `Importing the table “${name}”`,
  progressLabel: (name) => `Uploading ${name}`,
  progressText: (percent) => `${percent}% uploaded`,
  checkingRows: 'File uploaded. Checking the rows…',
  importingRows: 'File uploaded. Creating personal accounts and sending SMS…',
  keepPageOpen: 'Please keep this page open.',
  stopChecking: 'Stop the check',
  checkStopped: 'The check was stopped.',

  previewTitle: 'Table check: what will happen',
  fileSummary: (name, total) => `File “${name}”: ${rows(total)} with data.`,
  nothingWrittenYet: 'Nothing has been saved and no SMS has been sent yet.',
  summaryLabel: 'Check summary',
  willCreate: 'New patients, will get an SMS with the login and password',
  willAttach: 'Already have a personal account, the referral will be added to it',
  alreadyKnown: 'Imported before, will be skipped',
  withErrors: 'Rows with errors, will not be imported',

  errorsTitle: 'Errors in rows',
  errorsIntro:
    'Fix these rows in the file and upload it again. The rows without errors can be imported now: uploading them again will not duplicate them.',
  errorsIntroDone: 'Fix these rows in the file and upload it again: the rows already imported will not be repeated.',
  rowColumn: 'Row',
  columnColumn: 'Column',
  problemColumn: 'Problem',
  wholeRow: 'whole row',
  rowProblemsLabel: (row, problems) => `Row ${row}: ${problems} ${plural('en', problems, ['problem', 'problems', 'problems'])}`,
  columnSeparator: ': ',
  rowErrors: {
    name_missing: 'The full name is empty.',
    birth_date_invalid: 'The date of birth is wrong. It must be a real date written as dd.mm.yyyy, not later than today.',
    phone_invalid: 'This is not a Russian mobile number. Write it like +7 921 123-45-67.',
    diagnosis_missing: 'The diagnosis is empty.',
    center_unknown: 'It is unclear which center the referral is to. Write «Бакулева» or «Кулакова».',
    duplicate_in_file: 'This patient with the same center is already on an earlier row.',
    phone_belongs_to_staff: 'This number belongs to a member of the program’s staff (a doctor or the manager), not to a patient.',
    phone_belongs_to_other_person:
      'A patient with a different name or date of birth already has this number in the program. Check the number; the referral was not added.',
    phone_not_confirmed:
      'The patient with this number registered themselves but has not confirmed the phone with an SMS code yet. The referral was not added: upload the row again once they sign in and confirm the number.',
  },

  rowsTitle: 'What happens to each row',
  rowsDoneTitle: 'What was done with each row',
  patientColumn: 'Patient',
  outcomeColumn: 'What will happen',
  resultColumn: 'What was done',
  willDo: {
    create: 'New patient: will get an SMS with the login and password',
    attach: 'The referral will be added to the patient’s personal account',
    known: 'Imported before: skipped',
    error: 'Will not be imported: error',
  },
  done: {
    create: 'Personal account created, SMS sent',
    attach: 'Referral added to the personal account',
    known: 'Had been imported before',
    error: 'Not imported: error',
  },
  createdSmsFailed: 'Personal account created, but the SMS was not sent',
  shownFirst: (shown, total) => `The first ${shown} of ${total} are shown. The full list is in the error report.`,
  shownFirstRows: (shown, total) => `The first ${rows(shown)} of ${total} are shown.`,

  confirmNoteSms: (n) =>
    `Once you confirm, ${patients(n)} will get an SMS with the login and password. Sending cannot be undone.`,
  confirmNote: 'Once you confirm, the referrals will be added to the patients’ personal accounts.',
  confirm: 'Confirm the import',
  nothingToImport: 'There is nothing to import: every row was imported before or has an error.',
  chooseAnother: 'Choose another file',
  importInterrupted:
    'The connection broke during the import, and it may have gone through. Upload the same file again: the check will show which rows are already imported, and they will not be repeated.',

  resultTitle: 'Import done',
  imported: (created) => `Import done. ${created} new personal ${plural('en', created, ['account', 'accounts', 'accounts'])} created.`,
  resultSummaryLabel: 'Import summary',
  created: 'New patients, SMS sent',
  attached: 'Referral added for already registered patients',
  known: 'Had been imported before',
  notImported: 'Not imported because of errors',
  smsFailuresTitle: 'SMS not sent',
  smsFailuresIntro:
    'These patients’ personal accounts were created, but the SMS with the login and password did not reach them. Send the SMS again with the button in the patient’s row: they will get a new password.',
  phoneColumn: 'Phone',
  smsColumn: 'SMS',
  resendSms: 'Send the SMS again',
  resendTo: (phone) => `to ${phone}`,
  resending: 'Sending…',
  resent: (date) => `Sent. The password is valid until ${date}.`,
  smsFailed: 'The SMS with the login and password was not sent.',
  downloadReport: 'Download the error report (CSV)',
  reportFileName: (base) => `${base}-errors.csv`,
  reportSaved: 'The error report has been saved to your downloads.',
  importAnother: 'Upload another table',

  credentialsTitle: 'A new password for a patient',
  credentialsIntro:
    'If the SMS did not arrive or its password has expired (it is valid for a few days), send the patient a new password — the old one will stop working.',
  patientPhone: 'Patient’s phone',
  sendPassword: 'Send a new password',
  sendingPassword: 'Sending…',
  passwordSent: (fullName, phone, date) => `SMS with a new password sent: ${fullName}, ${phone}. The password is valid until ${date}.`,
  noSuchPatient: 'No patient of the program has this phone number. Check the number.',
  resendTooSoon: (minutes) =>
    `An SMS was just sent to this number. The next one can be sent in ${minutes} ${plural('en', minutes, ['minute', 'minutes', 'minutes'])}.`,

  notATable: (name) => `The file “${name}” could not be read as a table. Upload a table in XLSX or CSV format.`,
  missingColumns: (name, columns) =>
    `Row 1 of the file “${name}” lacks required columns: ${columns.map((column) => `«${column}»`).join(', ')}. Name the columns exactly as in the sample.`,
  emptyFile: (name) => `The file “${name}” is empty.`,
  tooLarge: (name, maxRows) =>
    `The file “${name}” is too large. One file may hold at most ${maxRows} rows: split the table into several files and upload them one by one.`,
};
