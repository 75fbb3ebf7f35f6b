import type { TestServer } from './helpers.ts';
import { uniquePhone } from './helpers.ts';

/** Smallest byte sequences that file-type recognises, for each kind of upload. */
export const SAMPLE_FILES = {
  pdf: () => new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  png: () =>
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
  jpeg: () => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  heic: () => {
    const box = new Uint8Array(32);
    box.set([0, 0, 0, 24], 0);
    box.set(new TextEncoder().encode('ftypheic'), 4);
    box.set(new TextEncoder().encode('mif1heic'), 16);
    return box;
  },
  dicom: () => {
    const bytes = new Uint8Array(200);
    bytes.set(new TextEncoder().encode('DICM'), 128);
    return bytes;
  },
  html: () => new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>'),
  exe: () => Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]),
};

export async function upload(server: TestServer, token: string, kind: string, bytes: Uint8Array<ArrayBuffer>, name = 'scan.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([bytes], name, { type }));
  return server.request('/api/v1/documents', { method: 'POST', body: form, token });
}

export async function uploadOk(server: TestServer, token: string, kind: string) {
  const response = await upload(server, token, kind, SAMPLE_FILES.pdf(), `${kind}.pdf`);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; kind: string };
}

export async function signInStaff(
  server: TestServer,
  account: { role: 'doctor' | 'manager'; centerId?: 'bakulev' | 'kulakov'; isDutyDoctor?: boolean; fullName?: string },
) {
  const phone = uniquePhone();
  const user = await server.services.accounts.createStaff({
    role: account.role,
    fullName: account.fullName ?? (account.role === 'doctor' ? 'Врач Тестовый' : 'Менеджер Тестовый'),
    phone: `+7${phone.replace(/\D/g, '').slice(1)}`,
    password: 'staff password',
    centerId: account.centerId ?? null,
    isDutyDoctor: account.isDutyDoctor ?? false,
  });
  const response = await server.request('/api/v1/auth/login', { json: { phone: user.phone, password: 'staff password' } });
  const { token } = (await response.json()) as { token: string };
  return { user, token };
}

/** Uploads the center's required documents and files an application; returns its id and the document ids. */
export async function applyToBakulev(server: TestServer, token: string) {
  const documents = await Promise.all(['discharge_summary', 'ecg', 'echocg'].map((kind) => uploadOk(server, token, kind)));
  const response = await server.request('/api/v1/applications', {
    token,
    json: {
      centerId: 'bakulev',
      disease: 'coronary_heart_disease',
      diagnosis: 'ИБС, стенокардия напряжения II ФК',
      complaints: 'Боли за грудиной при ходьбе',
      documentIds: documents.map((document) => document.id),
    },
  });
  if (response.status !== 201) throw new Error(`apply failed: ${response.status} ${await response.text()}`);
  return { application: (await response.json()) as { id: string; status: string }, documents };
}

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
