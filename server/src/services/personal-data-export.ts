import yazl from 'yazl';
import type { Readable } from 'node:stream';
import type { Page, PageRequest, Store, UserRecord } from '../ports/store.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { ApplicationService } from './applications.ts';
import type { AuditService } from './audit.ts';
import type { ConsultationService } from './consultations.ts';
import type { DocumentService } from './documents.ts';
import type { MessageService } from './messages.ts';
import type { NotificationService } from './notifications.ts';
import { toPublicUser } from './accounts.ts';
import { forbidden } from './domain-error.ts';

export interface PersonalDataSources {
  store: Store;
  files: FileStore;
  documents: DocumentService;
  applications: ApplicationService;
  consultations: ConsultationService;
  messages: MessageService;
  notifications: NotificationService;
  audit: AuditService;
}

/** Every page of a paged list, in the order the list gives them. */
async function pagesOf<T>(read: (page: PageRequest) => Promise<Pick<Page<T>, 'items' | 'nextCursor'>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: 200, ...(cursor ? { cursor } : {}) });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

/** A file name any archiver and any system accept, keeping Cyrillic. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120) || 'file';

/**
 * «Скачать мои данные» (152-FZ art. 14): one ZIP with everything the program holds about the
 * patient, as the API shows it to them: `мои-данные.json` (profile and consent, documents, applications,
 * consultations with their conclusions and chats, notifications, and who else looked at their data)
 * and the documents' files under `документы/`. Built in memory: a patient's records are few, and
 * their files are bounded by the upload limit times the number of their uploads.
 */
export class PersonalDataExport {
  constructor(
    private readonly sources: PersonalDataSources,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async zipFor(patient: UserRecord): Promise<Readable> {
    if (patient.role !== 'patient') throw forbidden('The export is of a patient\'s own data');
    const { store, files, documents, applications, consultations, messages, notifications, audit } = this.sources;
    const ownDocuments = await documents.list(patient);
    const ownConsultations = (await pagesOf((page) => consultations.list(patient, page))).flat();
    const conclusions = new Map((await store.conclusions.findByConsultations(ownConsultations.map((c) => c.id))).map((c) => [c.consultationId, c]));
    const data = {
      exportedAt: this.now().toISOString(),
      profile: { ...toPublicUser(patient), consent: patient.consent },
      documents: ownDocuments,
      applications: (await applications.list(patient, undefined, { limit: 200 })).items,
      consultations: await Promise.all(
        ownConsultations.map(async (consultation) => ({
          ...consultation,
          conclusion: conclusions.get(consultation.id) ?? null,
          // A chat's pages go back in time, each oldest first: from its first message to its last.
          chat: (await pagesOf((page) => messages.list(patient, consultation.id, page))).reverse().flat(),
        })),
      ),
      notifications: (await pagesOf((page) => notifications.list(patient.id, page))).flat(),
      whoElseLooked: (await pagesOf((page) => audit.pageForPatient(patient, page))).flat(),
    };
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'), 'мои-данные.json');
    const used = new Set<string>();
    for (const document of ownDocuments) {
      const record = await store.documents.findById(document.id);
      if (!record) continue; // deleted while the export was made
      let name = `документы/${safeName(`${document.uploadedAt.slice(0, 10)} ${document.kind} ${document.fileName}`)}`;
      for (let n = 2; used.has(name); n += 1) name = name.replace(/(\.[^./]*)?$/, ` (${n})$1`);
      used.add(name);
      zip.addBuffer(Buffer.from(await files.get(record.storageKey)), name);
    }
    zip.end();
    return zip.outputStream as Readable;
  }
}
