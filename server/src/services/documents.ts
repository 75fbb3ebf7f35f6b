import { fileTypeFromBuffer } from 'file-type';
import { DocumentMediaType, type DocumentKind, type MedicalDocument } from '@oz/contracts';
import type { DocumentRecord, Store, UserRecord } from '../ports/store.ts';
import type { FileStore } from '../ports/file-store.ts';
import { DomainError, conflict, forbidden, notFound, validationFailed } from './domain-error.ts';
import { doctorMaySeePatient } from './access.ts';
import { newId } from './tokens.ts';
import { checkDicomZip, type DicomZipProblem } from './dicom-zip.ts';

const OPEN_APPLICATION = new Set(['submitted', 'scheduled']);

/** The patient's medical documents: sniffed by content, stored under generated names. */
export class DocumentService {
  constructor(
    private readonly store: Store,
    private readonly files: FileStore,
    private readonly maxBytes: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upload(owner: UserRecord, kind: DocumentKind, file: File): Promise<MedicalDocument> {
    if (owner.role !== 'patient') throw forbidden('Only patients upload medical documents');
    if (file.size > this.maxBytes) throw tooLarge(this.maxBytes);
    if (file.size === 0) throw validationFailed([{ field: 'file', code: 'invalid', message: 'The file is empty' }], 'The file is empty');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mediaType = await this.sniff(bytes);
    // DICOM's 128-byte preamble is free for any use, so a file can be DICOM and a program at once
    // (CVE-2019-11687); the standard lets us zero it, and no viewer needs it.
    if (mediaType === 'application/dicom') bytes.fill(0, 0, 128);
    const storageKey = await this.files.put(bytes);
    const record: DocumentRecord = {
      id: newId(),
      ownerId: owner.id,
      kind,
      fileName: withExtensionOf(cleanFileName(file.name), mediaType),
      mediaType,
      sizeBytes: bytes.byteLength,
      storageKey,
      uploadedAt: this.now().toISOString(),
    };
    try {
      await this.store.documents.insert(record);
    } catch (error) {
      await this.files.delete(storageKey); // no orphan file when the record could not be written
      throw error;
    }
    return toPublicDocument(record, false);
  }

  async list(viewer: UserRecord, patientId?: string): Promise<MedicalDocument[]> {
    const ownerId = await this.ownerVisibleTo(viewer, patientId);
    const [documents, inUse] = await Promise.all([this.store.documents.listByOwner(ownerId), this.documentsInUse(ownerId)]);
    return documents.map((document) => toPublicDocument(document, inUse.has(document.id)));
  }

  async content(viewer: UserRecord, id: string): Promise<{ document: DocumentRecord; bytes: Uint8Array }> {
    const document = await this.store.documents.findById(id);
    const visible =
      document && (document.ownerId === viewer.id || (await doctorMaySeePatient(this.store, viewer, document.ownerId)));
    if (!document || !visible) throw notFound('The document');
    return { document, bytes: await this.files.get(document.storageKey) };
  }

  async remove(owner: UserRecord, id: string): Promise<void> {
    const document = await this.store.documents.findById(id);
    if (!document || document.ownerId !== owner.id) throw notFound('The document');
    await this.store.transaction(async (tx) => {
      const applications = await tx.applications.listByPatient(owner.id);
      const attached = applications.some((a) => OPEN_APPLICATION.has(a.status) && a.documentIds.includes(id));
      if (attached) {
        throw conflict('document_in_use', 'This document is attached to an application that is still open; it cannot be deleted now');
      }
      await tx.documents.delete(id);
    });
    await this.files.delete(document.storageKey);
  }

  /** Ids of documents attached to the patient's open applications. */
  async documentsInUse(ownerId: string): Promise<Set<string>> {
    const applications = await this.store.applications.listByPatient(ownerId);
    return new Set(applications.filter((a) => OPEN_APPLICATION.has(a.status)).flatMap((a) => a.documentIds));
  }

  private async sniff(bytes: Uint8Array): Promise<DocumentMediaType> {
    const detected = await fileTypeFromBuffer(bytes);
    const parsed = DocumentMediaType.safeParse(detected?.mime === 'image/heif' ? 'image/heic' : detected?.mime);
    if (!parsed.success) {
      throw new DomainError('unsupported_media_type', 'Upload a PDF, a photo (JPEG, PNG, HEIC), a DICOM file or a ZIP of DICOM files', {
        detected: detected?.mime ?? null,
        accepted: DocumentMediaType.options,
      });
    }
    if (parsed.data === 'application/zip') {
      // A ZIP is taken only as a study of DICOM files; it may unpack to at most ten times the upload limit.
      const checked = await checkDicomZip(bytes, { maxFiles: MAX_FILES_IN_ZIP, maxUnpackedBytes: 10 * this.maxBytes });
      if ('reason' in checked) throw zipRefused(checked);
    }
    return parsed.data;
  }

  private async ownerVisibleTo(viewer: UserRecord, patientId: string | undefined): Promise<string> {
    if (viewer.role === 'patient') {
      if (patientId && patientId !== viewer.id) throw notFound('The patient');
      return viewer.id;
    }
    if (!patientId) throw validationFailed([{ field: 'patientId', code: 'required', message: 'Name the patient' }], 'Name the patient');
    if (!(await doctorMaySeePatient(this.store, viewer, patientId))) throw notFound('The patient');
    return patientId;
  }
}

export function toPublicDocument(document: DocumentRecord, inUse: boolean): MedicalDocument {
  const { storageKey: _hidden, ...rest } = document;
  return { ...rest, inUse };
}

/** A CT study is a few hundred to a couple of thousand slices. */
const MAX_FILES_IN_ZIP = 5000;

function zipRefused(problem: DicomZipProblem): DomainError {
  switch (problem.reason) {
    case 'zip_too_many_files':
      return new DomainError('payload_too_large', `The ZIP holds more than ${problem.limit} files`, { ...problem });
    case 'zip_too_large':
      return new DomainError('payload_too_large', `The ZIP unpacks to more than ${Math.round(problem.limit / 1024 / 1024)} MB`, { ...problem });
    case 'zip_not_dicom':
      return new DomainError('unsupported_media_type', `A ZIP may hold only DICOM files; "${problem.entry}" is not one`, { ...problem });
    case 'zip_encrypted':
      return new DomainError('unsupported_media_type', 'The ZIP is protected by a password; upload it without one', { ...problem });
    case 'zip_empty':
      return new DomainError('unsupported_media_type', 'The ZIP holds no files', { ...problem });
    case 'zip_unreadable':
      return new DomainError('unsupported_media_type', 'The ZIP is damaged and cannot be read', { ...problem });
  }
}

const tooLarge = (maxBytes: number) =>
  new DomainError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, {
    maxBytes,
  });

/** The extensions a saved file may end in, by what it really is; the first is added when it has none of them. */
const EXTENSIONS: Record<DocumentMediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/heic': ['.heic', '.heif'],
  'application/dicom': ['.dcm', '.dicom'],
  'application/zip': ['.zip'],
};

/**
 * "Снимок.bat" that is really DICOM is saved as "Снимок.bat.dcm": the saved file opens by what it
 * is, in a viewer, never runs as the program its name claimed.
 */
function withExtensionOf(name: string, mediaType: DocumentMediaType): string {
  const allowed = EXTENSIONS[mediaType];
  return allowed.some((extension) => name.toLowerCase().endsWith(extension)) ? name : `${name}${allowed[0]}`;
}

/** Keeps a readable name for display and downloads, without paths or control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Cut by code points: half an emoji would break encodeURIComponent in the download header.
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f"]/g, '').trim()).slice(0, 200).join('').replace(/[\uD800-\uDFFF]/gu, '');
  return clean || 'document';
}
