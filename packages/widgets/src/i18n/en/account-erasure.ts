import type { accountErasureRu } from '../ru/account-erasure.ts';

export const accountErasureEn: typeof accountErasureRu = {
  title: 'Delete your account?',
  intro: 'After deleting it you can no longer sign in to your personal account. Deletion cannot be undone.',
  deletedTitle: 'What will be deleted',
  deleted: [
    'your phone number and e-mail address',
    'your password',
    'your notifications',
    'documents you did not attach to applications or consultations',
    'upcoming consultations and applications not yet reviewed will be cancelled, and the doctor will be told',
    'your consent to the processing of personal data will be withdrawn',
    'you will be signed out on every device',
  ],
  keptTitle: 'What stays, and why',
  kept: [
    'the records of your consultations and the doctors’ conclusions',
    'your messages with the doctor',
    'your applications and the documents attached to them',
    'your full name and date of birth in these records',
    'the log of who opened your data and when',
  ],
  keptWhy:
    'These are medical records. The law requires keeping them (Federal Law 323-FZ, Ministry of Health order 965n). The log is kept to protect your data.',
  phoneAgain: 'You can register with the same phone number again later.',
  exportFirst: 'To keep a copy of your data, press “Download my data” first.',
  passwordLabel: 'Your password',
  passwordHint: 'Enter your password to confirm it is you.',
  wrongPassword: 'Wrong password. Nothing was deleted.',
  confirm: 'Delete my account for good',
  deleting: 'Deleting…',
  keep: 'Do not delete',
  doneTitle: 'Your account has been deleted',
  doneText:
    'Your phone, e-mail, password and notifications are deleted and your consent is withdrawn. You are signed out on every device. Medical records are kept, as the law requires.',
  doneOk: 'OK',
};
