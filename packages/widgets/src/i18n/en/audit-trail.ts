import type { auditTrailRu } from '../ru/audit-trail.ts';

export const auditTrailEn: typeof auditTrailRu = {
  title: "Access log of a patient's medical data",
  intro:
    "Which doctors and program staff opened the patient's documents, applications, conclusions and messages, and who changed the state of their applications and consultations. The patient's own actions are not shown here.",
  restoring: 'Checking your sign-in…',
  signInPrompt: "Sign in as the program manager to see the access log of a patient's data.",
  managersOnly: 'Only the program manager can see the access log of patients’ data. Sign in with the manager’s account.',

  phoneLabel: 'Patient’s phone',
  show: 'Show',
  searching: 'Searching…',
  phoneRequired: "Enter the patient's phone number",
  noSuchPatient: 'No patient has this phone number. Check the number.',
  failed: 'The log could not be shown.',
  loading: 'Loading the log…',
  retry: 'Try again',

  trailOf: (name) => `Log: ${name}`,
  birthDate: (date) => `Date of birth: ${date}`,
  phone: (phone) => `Phone: ${phone}`,
  empty: 'Nobody but the patient has opened their data yet.',

  tableLabel: (name) => `Who opened the data of ${name}, and when`,
  when: 'When',
  who: 'Who',
  role: 'Role',
  deed: 'What they did',
  address: 'Address',
  noAddress: 'unknown',

  downloadCsv: 'Download CSV',
  downloadCsvHint: "The patient's whole log in one file for Excel; its times are in UTC.",
  downloadingCsv: 'Downloading…',
  csvFailed: 'The log file could not be downloaded.',
  csvSaved: 'The log file has been downloaded.',
  csvFileName: (name) => `Access log — ${name}.csv`,
};
