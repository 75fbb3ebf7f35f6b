import type { auditRu } from '../ru/audit.ts';

const yours = (reader: string, patient: string, manager: string) => (reader === 'patient' ? patient : manager);

export const auditEn: typeof auditRu = {
  roles: { patient: 'patient', doctor: 'doctor', manager: 'program staff' },
  nameUnknown: 'someone whose name was not kept',
  documentName: (kind, fileName) => `“${kind}” (file ${fileName})`,
  moscowAlso: (time) => `Moscow time ${time}`,

  read: {
    document: (_gender, reader, name) => `opened ${name ? `the document ${name}` : yours(reader, 'your document', "the patient's document")}`,
    goneDocument: () => 'opened a document that no longer exists',
    conclusion: () => "read the doctor's conclusion",
    application: (_gender, reader) => `opened ${yours(reader, 'your', "the patient's")} application for a consultation`,
    chat: () => 'opened the messages with the doctor',
    consultation: (_gender, reader) => `opened the details of ${yours(reader, 'your', "the patient's")} consultation`,
  },

  statusChanged: {
    application: {
      scheduled: (_gender, reader) => `arranged a consultation on ${yours(reader, 'your', "the patient's")} application`,
      declined: (_gender, reader) => `declined ${yours(reader, 'your', "the patient's")} application`,
      cancelled: (_gender, reader) => `cancelled ${yours(reader, 'your', "the patient's")} application`,
    },
    consultation: {
      scheduled: (_gender, reader) => `booked ${yours(reader, 'you', 'the patient')} for a consultation`,
      in_progress: () => 'started the consultation',
      cancelled: () => 'cancelled the consultation',
      completed: () => 'wrote the conclusion',
    },
    staffAccount: {
      created: () => 'created the account',
      updated: () => 'changed the account (name, center or duty)',
      disabled: () => 'disabled the account',
      enabled: () => 'enabled the account again',
      password_sent: () => 'sent a new password by SMS',
    },
    patientAccount: {
      erased: () => 'deleted their account: phone, e-mail and password erased, consent withdrawn',
    },
    other: (_gender, status) => `changed the status of a record to: ${status}`,
  },
};
