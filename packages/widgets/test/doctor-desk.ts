import type { Application, Consultation, MedicalDocument } from '@oz/contracts';
import { callApi, registerPatient } from './api.ts';
import { uploadViaApi } from './documents.ts';

/** Staff accounts the test server seeds with `--demo`. */
export const DEMO = {
  bakulev: { phone: '+79000000001', password: 'demo-bakulev' },
  kulakov: { phone: '+79000000002', password: 'demo-kulakov' },
  manager: { phone: '+79000000009', password: 'demo-manager' },
} as const;

/** The smallest file the server recognises as a PDF, with a line of our own to tell files apart. */
function notedPdf(note: string, name = `${note}.pdf`): File {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n%\u00e2\u00e3\n% ${note}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
  return new File([bytes], name, { type: 'application/pdf' });
}

const REQUIRED = {
  bakulev: { kinds: ['discharge_summary', 'ecg', 'echocg'], disease: 'coronary_heart_disease' },
  kulakov: { kinds: ['discharge_summary', 'pregnancy_card', 'pelvic_ultrasound', 'fetal_ultrasound'], disease: 'fetal_arrhythmias' },
} as const;

/** A name nobody else in this run has, so a test finds its own card in a shared queue. */
export function uniqueName(): string {
  const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
  const suffix = Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
  return `Тестова${suffix} Мария Петровна`;
}

/**
 * A new patient who uploaded the center's required documents (plus an unrelated one that is not
 * attached) and filed an application there.
 */
export async function applyTo(center: 'bakulev' | 'kulakov', overrides: { diagnosis?: string; complaints?: string } = {}) {
  const { auth, patient } = await registerPatient({ fullName: uniqueName() });
  const documents: MedicalDocument[] = [];
  for (const kind of REQUIRED[center].kinds) documents.push(await uploadViaApi(auth.token, kind, notedPdf(kind)));
  const unattached = await uploadViaApi(auth.token, 'other', notedPdf('not attached', 'не-приложен.pdf'));
  const { status, body } = await callApi('POST', '/applications', {
    token: auth.token,
    body: {
      centerId: center,
      disease: REQUIRED[center].disease,
      diagnosis: overrides.diagnosis ?? 'ИБС, стенокардия напряжения II ФК',
      complaints: overrides.complaints ?? 'Боли за грудиной при ходьбе',
      documentIds: documents.map((document) => document.id),
    },
  });
  if (status !== 201) throw new Error(`apply failed: ${status} ${JSON.stringify(body)}`);
  return { auth, patient, application: body as Application, documents, unattached };
}

let slotCounter = 0;

/**
 * A future moment in the browser's local time that no other test of this run uses: the demo
 * doctors are shared, and the server refuses two consultations of one doctor at once.
 */
export function futureSlot(): { date: string; time: string; iso: string } {
  slotCounter += 1;
  const days = 30 + Math.floor(Math.random() * 3000) + slotCounter;
  const start = new Date();
  start.setDate(start.getDate() + days);
  start.setHours(8 + (slotCounter % 10), 30, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    time: `${pad(start.getHours())}:${pad(start.getMinutes())}`,
    iso: start.toISOString(),
  };
}

export async function scheduleThroughApi(token: string, applicationId: string, startsAt: string, durationMinutes = 30) {
  const { status, body } = await callApi('POST', `/applications/${applicationId}/schedule`, {
    token,
    body: { startsAt, durationMinutes },
  });
  if (status !== 201) throw new Error(`schedule failed: ${status} ${JSON.stringify(body)}`);
  return body as Consultation;
}

/** Runs `action` while Date.now() says `shiftMs` later: "the doctor opens the desk days later". */
export async function withClockShifted<T>(shiftMs: number, action: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow.call(Date) + shiftMs;
  try {
    return await action();
  } finally {
    Date.now = realNow;
  }
}
