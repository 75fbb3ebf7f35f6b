// Test helpers for medical documents and applications: sample files the server recognises by
// content, uploads and applications arranged straight through the API, and file choosing as a
// person does it (the browser's file picker cannot be driven, so its result is set on the input).
import type { Application, DocumentKind, MedicalDocument } from '@oz/contracts';
import { callApi, testApi } from './api.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** Smallest byte sequences the server's content sniffing accepts (or refuses) for each type. */
export const SAMPLE_BYTES = {
  pdf: () => encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  jpeg: () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  png: () =>
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  dicom: () => {
    const bytes = new Uint8Array(200);
    bytes.set(encode('DICM'), 128);
    return bytes;
  },
  html: () => encode('<!doctype html><html><script>alert(1)</script></html>'),
};

/** A PDF the server accepts, padded to `sizeBytes` (the sniffing reads only its start). */
export function pdfOfSize(sizeBytes: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(sizeBytes);
  bytes.set(SAMPLE_BYTES.pdf());
  return bytes;
}

export function sampleFile(bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/pdf'): File {
  return new File([bytes], name, { type });
}

export function pdfFile(name = 'выписка.pdf'): File {
  return sampleFile(SAMPLE_BYTES.pdf(), name);
}

/** Uploads through the API (not the widget), to arrange a test. */
export async function uploadViaApi(token: string, kind: DocumentKind, file: File = pdfFile(`${kind}.pdf`)): Promise<MedicalDocument> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file);
  const response = await fetch(`${testApi}/api/v1/documents`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as MedicalDocument;
}

export async function listDocuments(token: string): Promise<MedicalDocument[]> {
  const { status, body } = await callApi('GET', '/documents', { token });
  if (status !== 200) throw new Error(`listing documents failed: ${status}`);
  return (body as { items: MedicalDocument[] }).items;
}

export async function listApplications(token: string): Promise<Application[]> {
  const { status, body } = await callApi('GET', '/applications', { token });
  if (status !== 200) throw new Error(`listing applications failed: ${status}`);
  return (body as { items: Application[] }).items;
}

/** Uploads every document the Bakulev center requires, through the API. */
export function uploadBakulevRequired(token: string): Promise<MedicalDocument[]> {
  return Promise.all((['discharge_summary', 'ecg', 'echocg'] as const).map((kind) => uploadViaApi(token, kind)));
}

/** The required documents of the Bakulev center, uploaded, and an application that uses them (plus `extraIds`). */
export async function applyToBakulevViaApi(
  token: string,
  extraIds: string[] = [],
): Promise<{ application: Application; documents: MedicalDocument[] }> {
  const documents = await uploadBakulevRequired(token);
  const { status, body } = await callApi('POST', '/applications', {
    token,
    body: {
      centerId: 'bakulev',
      disease: 'coronary_heart_disease',
      diagnosis: 'ИБС, стенокардия напряжения II ФК',
      complaints: 'Боли за грудиной при ходьбе',
      documentIds: [...documents.map((document) => document.id), ...extraIds],
    },
  });
  if (status !== 201) throw new Error(`apply failed: ${status} ${JSON.stringify(body)}`);
  return { application: body as Application, documents };
}

/** What the browser's file picker does once a person chose `files`: set them and fire change. */
export function chooseFiles(input: HTMLInputElement, ...files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Picks an option of a <select> by value, firing change like a user. */
export function selectOption(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Catches what an element hands to the browser as a download (an object URL on an `<a download>`),
 * without the browser actually saving a file.
 */
export function catchDownloads() {
  const saved: Array<{ fileName: string; blob: Blob; href: string }> = [];
  const blobs = new Map<string, Blob>();
  const originalCreate = URL.createObjectURL.bind(URL);
  const originalClick = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = originalCreate(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.hasAttribute('download') && blob) saved.push({ fileName: this.download, blob, href: this.href });
    else originalClick.call(this);
  };
  return {
    saved,
    restore() {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    },
  };
}
