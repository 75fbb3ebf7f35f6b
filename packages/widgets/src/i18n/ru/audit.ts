import type { Role } from '@oz/contracts';

/** Whose trail is read: the patient's own («ваша заявка») or a patient's by the manager («заявка пациента»). */
export type AuditReader = 'patient' | 'manager';

/** The grammatical gender of the person who acted, guessed from their name; undefined when it cannot be told. */
export type Gender = 'male' | 'female' | undefined;

/** A Russian past-tense verb in the actor's gender: «открыл», «открыла», or «открыл(а)» when it cannot be told. */
const past = (gender: Gender, verb: string) => (gender === 'female' ? `${verb}а` : gender === 'male' ? verb : `${verb}(а)`);

const yours = (reader: AuditReader, patient: string, manager: string) => (reader === 'patient' ? patient : manager);

/**
 * Words of the audit trail of medical data, shared by the patient's «Кто смотрел мои документы»
 * (<oz-documents>) and the manager's <oz-audit-trail>: who acted, and what they did, in plain words.
 */
export const auditRu = {
  roles: { patient: 'пациент', doctor: 'врач', manager: 'сотрудник программы' } satisfies Record<Role, string>,
  /** An account the program no longer knows the name of. */
  nameUnknown: 'человек, чьё имя не сохранилось',
  /** The document's kind and file: «ЭКГ» (файл ekg.pdf). */
  documentName: (kind: string, fileName: string) => `«${kind}» (файл ${fileName})`,
  /** The time of an entry, when the reader's clock differs from Moscow's. */
  moscowAlso: (time: string) => `по Москве ${time}`,

  /** What a read was of; `document`'s `name` comes from documentName. */
  read: {
    document: (gender: Gender, reader: AuditReader, name?: string) =>
      `${past(gender, 'открыл')} ${name ? `документ ${name}` : yours(reader, 'ваш документ', 'документ пациента')}`,
    /** The patient deleted it since. */
    goneDocument: (gender: Gender) => `${past(gender, 'открыл')} документ, которого больше нет`,
    conclusion: (gender: Gender) => `${past(gender, 'прочитал')} заключение врача`,
    application: (gender: Gender, reader: AuditReader) =>
      `${past(gender, 'открыл')} ${yours(reader, 'вашу заявку', 'заявку пациента')} на консультацию`,
    chat: (gender: Gender) => `${past(gender, 'открыл')} переписку с врачом`,
    consultation: (gender: Gender, reader: AuditReader) =>
      `${past(gender, 'открыл')} сведения о ${yours(reader, 'вашей консультации', 'консультации пациента')}`,
  },

  /** A change of a status: the new status of an application or a consultation. */
  statusChanged: {
    application: {
      scheduled: (gender: Gender, reader: AuditReader) =>
        `${past(gender, 'назначил')} консультацию по ${yours(reader, 'вашей заявке', 'заявке пациента')}`,
      declined: (gender: Gender, reader: AuditReader) => `${past(gender, 'отклонил')} ${yours(reader, 'вашу заявку', 'заявку пациента')}`,
      cancelled: (gender: Gender, reader: AuditReader) => `${past(gender, 'отменил')} ${yours(reader, 'вашу заявку', 'заявку пациента')}`,
    } as Record<string, (gender: Gender, reader: AuditReader) => string>,
    consultation: {
      scheduled: (gender: Gender, reader: AuditReader) => `${past(gender, 'записал')} ${yours(reader, 'вас', 'пациента')} на консультацию`,
      in_progress: (gender: Gender) => `${past(gender, 'начал')} консультацию`,
      cancelled: (gender: Gender) => `${past(gender, 'отменил')} консультацию`,
      completed: (gender: Gender) => `${past(gender, 'написал')} заключение`,
    } as Record<string, (gender: Gender, reader: AuditReader) => string>,
    /** A staff member's account (the manager reads a doctor's or a manager's trail by their phone). */
    staffAccount: {
      created: (gender: Gender) => `${past(gender, 'создал')} учётную запись`,
      updated: (gender: Gender) => `${past(gender, 'изменил')} учётную запись (имя, центр или дежурства)`,
      disabled: (gender: Gender) => `${past(gender, 'отключил')} учётную запись`,
      enabled: (gender: Gender) => `снова ${past(gender, 'включил')} учётную запись`,
      password_sent: (gender: Gender) => `${past(gender, 'отправил')} новый пароль по SMS`,
    } as Record<string, (gender: Gender, reader: AuditReader) => string>,
    /** A patient's own account: «Удалить аккаунт» (the patient is the one who acted). */
    patientAccount: {
      erased: (gender: Gender) => `${past(gender, 'удалил')} свой аккаунт: телефон, эл. почта и пароль стёрты, согласие отозвано`,
    } as Record<string, (gender: Gender, reader: AuditReader) => string>,
    /** A status these words do not know yet. */
    other: (gender: Gender, status: string) => `${past(gender, 'изменил')} состояние записи: ${status}`,
  },
};
