import type { AuditEntry, MedicalDocument } from '@oz/contracts';
import type { Lang, Translation } from '../../i18n/index.ts';
import type { AuditReader, Gender } from '../../i18n/ru/audit.ts';
import { MOSCOW, clockTime, differsFromMoscow } from '../oz-duty-schedule/slot-days.ts';

/**
 * An audit entry in plain words, for the patient's «Кто смотрел мои документы» and the manager's
 * <oz-audit-trail> alike: who acted, what they did, and when.
 */

/**
 * The grammatical gender of a Russian full name («Фамилия Имя Отчество»), for «открыл» / «открыла»:
 * the patronymic tells it surely, else a common surname ending; undefined when neither does.
 */
export function genderOf(fullName: string): Gender {
  const [surname = '', , patronymic = ''] = fullName.trim().toLowerCase().split(/\s+/);
  if (/(вич|ич|оглы|улы)$/.test(patronymic)) return 'male';
  if (/(вна|чна|шна|кызы|гызы)$/.test(patronymic)) return 'female';
  if (/(ова|ева|ёва|ина|ына|ская|цкая|ая)$/.test(surname)) return 'female';
  if (/(ов|ев|ёв|ин|ын|ский|цкий|ой|ый)$/.test(surname)) return 'male';
  return undefined;
}

/** Who acted: their name as the program knows it, or a word for an account whose name is gone. */
export function auditWho(t: Translation, entry: AuditEntry): string {
  return entry.actorName.trim() || t.audit.nameUnknown;
}

/**
 * What they did, as the rest of a sentence after «Кто, роль,»: «открыл документ «ЭКГ» (файл
 * ekg.pdf)». `documents`: the patient's own list, to name a document by its kind and file
 * (undefined while it is not loaded: a document is then named only as «ваш документ»).
 */
export function auditDeed(t: Translation, entry: AuditEntry, reader: AuditReader, documents?: readonly MedicalDocument[]): string {
  const a = t.audit;
  const gender = genderOf(entry.actorName);
  if (entry.action === 'status_changed') {
    const status = entry.status ?? '';
    const byType =
      entry.subjectType === 'application'
        ? a.statusChanged.application
        : entry.subjectType === 'consultation'
          ? a.statusChanged.consultation
          : entry.subjectType === 'staff_account'
            ? a.statusChanged.staffAccount
            : entry.subjectType === 'patient_account'
              ? a.statusChanged.patientAccount
              : {};
    const words = byType[status];
    return words ? words(gender, reader) : a.statusChanged.other(gender, status);
  }
  switch (entry.subjectType) {
    case 'document': {
      if (!documents) return a.read.document(gender, reader);
      const document = documents.find((d) => d.id === entry.subjectId);
      return document
        ? a.read.document(gender, reader, a.documentName(t.domain.documentKinds[document.kind], document.fileName))
        : a.read.goneDocument(gender);
    }
    case 'conclusion':
      return a.read.conclusion(gender);
    case 'application':
      return a.read.application(gender, reader);
    case 'chat':
      return a.read.chat(gender);
    case 'consultation':
      return a.read.consultation(gender, reader);
    case 'staff_account': // never read, only changed
    case 'patient_account':
      return a.statusChanged.other(gender, entry.status ?? '');
  }
}

/**
 * When: «5 декабря, 14:20» by the reader's clock (the year only when it is not this one), with
 * Moscow time after it where the reader's clock differs — the program, its doctors and its SMS
 * speak Moscow time.
 */
export function auditWhen(t: Translation, lang: Lang, iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const year = date.getFullYear() === now.getFullYear() ? undefined : 'numeric';
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year }).format(date);
  const local = `${day}, ${clockTime(lang, iso)}`;
  return differsFromMoscow(iso) ? `${local} (${t.audit.moscowAlso(clockTime(lang, iso, MOSCOW))})` : local;
}
